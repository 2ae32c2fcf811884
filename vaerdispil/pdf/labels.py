"""Every fixed word printed in the PDFs, in Danish and English.

Both languages have the same keys (a test checks it). A deck in another language
gets the English labels.
"""

from __future__ import annotations

LABELS: dict[str, dict[str, str]] = {
    "da": {
        # Cards
        "kind.value": "Værdikort",
        "kind.question": "Spørgsmål",
        "kind.blank": "Tomt kort",
        "example": "Eksempel:",
        "cards.title": "{deck}: kort til print",
        "cards.subject": "{count} kort i størrelsen {size} på {paper}, {layout}",
        "layout.long": "dobbeltsidet, vend på den lange kant",
        "layout.short": "dobbeltsidet, vend på den korte kant",
        "layout.fold": "forside og bagside på samme ark, til at folde",
        "layout.fronts": "kun forsider",
        "fold.here": "fold her",
        # Calibration
        "cal.title": "Prøveside til dobbeltsidet print",
        "cal.subject": "Find den forskydning af bagsiderne, som din printer skal bruge",
        "cal.front.heading": "Prøveside til dobbeltsidet print (forside)",
        "cal.front.steps": (
            "1. Print begge sider af dette ark på én gang, dobbeltsidet, i faktisk størrelse "
            "(100 %, ikke »tilpas til side«), {flip}.\n"
            "2. Mål stregen nedenfor: den skal være præcis 100 mm. Ellers har printeren "
            "skaleret siden; ret indstillingen og print igen.\n"
            "3. Vend arket og hold det op mod lyset (et vindue). Læs på bagsiden, hvor de "
            "fede streger fra denne side rammer skalaerne: det er X og Y.\n"
            "4. Print kortene med: {command}"),
        "cal.flip.long": "vend på den lange kant",
        "cal.flip.short": "vend på den korte kant",
        "cal.ruler": "100 mm",
        "cal.back.heading": "Prøveside (bagside)",
        "cal.back.steps": (
            "Hold arket op mod lyset. Hvor rammer den fede streg fra forsiden skalaen? "
            "Tallet er forskydningen i millimeter. Kan du ikke se stregen nær skalaen, så "
            "har printeren vendt arket på den anden kant: vælg den anden --duplex."),
        "cal.scale.x": "X (mm): streg fra forsiden",
        "cal.scale.y": "Y (mm)",
        "cal.offset": "Bagsiden er her allerede flyttet {x}, {y} mm.",
        # Guide
        "guide.title": "{deck}: vejledning til facilitator",
        "guide.subject": "Runder, tider, materialer og print af kortene",
        "guide.page": "Side {page} af {pages}",
        "guide.overview": "Overblik",
        "guide.round": "Runde {number}: {title}",
        "guide.col.round": "Runde",
        "guide.col.mode": "Form",
        "guide.col.minutes": "Minutter",
        "guide.total": "I alt",
        "guide.total.note": "Runder uden tid er ikke talt med: {rounds}.",
        "guide.untimed": "ingen tid sat",
        "guide.minutes": "{minutes} min.",
        "guide.per_turn": "{minutes} min. pr. tur",
        "guide.mode.turns": "Runde på skift",
        "guide.mode.pick": "Vælg kort",
        "guide.mode.vote": "Afstemning med prikker",
        "guide.mode.agree": "Fælles aftale",
        "guide.mode.open": "Åben dialog",
        "guide.per.participant": "hver deltager",
        "guide.per.organisation": "hver organisation",
        "guide.draw.random": "trækker et tilfældigt kort",
        "guide.draw.choose": "vælger selv et kort",
        "guide.side.give": "det, vi giver",
        "guide.side.get": "det, vi får",
        "guide.side.both": "det, vi giver og får",
        "guide.picks": "op til {picks} kort: {side}",
        "guide.dots": "{dots} prikker pr. deltager",
        "guide.stack": "flere prikker på samme værdi er tilladt",
        "guide.no_stack": "højst én prik pr. værdi",
        "guide.secret": "stemmerne er skjulte, til alle har stemt",
        "guide.timing": "Tid",
        "guide.how": "Sådan spilles runden",
        "guide.cards": "Kort",
        "guide.cards.kinds": "Alle {kinds}",
        "guide.kinds.value": "værdikort",
        "guide.kinds.question": "spørgsmålskort",
        "guide.kinds.blank": "tomme kort",
        "guide.and": "og",
        "guide.prompt": "Sig til deltagerne",
        "guide.guide": "Til dig som facilitator",
        "guide.materials": "Det skal du bruge",
        "guide.mat.value": "{count} værdikort i {categories} kategorier:",
        "guide.mat.category": "{name}: {count}",
        "guide.mat.question": "{count} spørgsmålskort",
        "guide.mat.blank": "{count} tomme kort til værdier, der mangler",
        "guide.mat.dots": "Klistermærke-prikker: {dots} pr. deltager",
        "guide.mat.pens": "Kuglepenne eller tuscher til de tomme kort og aftalen",
        "guide.mat.timer": "Et ur eller en telefon med timer",
        "guide.mat.paper": "Papir eller flipover til aftalen",
        "guide.mat.screen": "Skærm med vaerdispil, hvis I spiller på skærmen (ikke nødvendigt)",
        "guide.printing": "Sådan printer og klipper du kortene",
        "guide.print.steps": (
            "Print kortene med kommandoen {command}, eller brug den færdige PDF i mappen "
            "printables.\n"
            "Print i faktisk størrelse (100 %). Vælg aldrig »tilpas til side«, for så bliver "
            "kortene for små.\n"
            "Dobbeltsidet: vælg »vend på den lange kant«. Hver bagside lander bag sin "
            "forside. {sheets}\n"
            "Uden dobbeltsidet printer: brug udgaven til at folde (--duplex fold). Fold arket "
            "langs den stiplede linje, lim eller tape siderne sammen, og klip.\n"
            "Passer bagsiderne ikke helt? Print prøvesiden ({calibration}) og brug tallet "
            "med --back-offset X,Y.\n"
            "Klip langs de små streger ved hjørnerne. Hvert kort har sine egne streger, så "
            "der er streger tilbage til det næste kort.\n"
            "Farverne kan printes i sort-hvid: navnet på kategorien står altid på kortet."),
        "guide.print.sheets": "{cards} kort fylder {sheets} ark A4 ({per_page} pr. side).",
        "guide.description": "Om spillet",
    },
    "en": {
        "kind.value": "Value card",
        "kind.question": "Question",
        "kind.blank": "Blank card",
        "example": "Example:",
        "cards.title": "{deck}: cards to print",
        "cards.subject": "{count} cards, {size} size, on {paper}, {layout}",
        "layout.long": "two-sided, flip on the long edge",
        "layout.short": "two-sided, flip on the short edge",
        "layout.fold": "fronts and backs on one sheet, to fold",
        "layout.fronts": "fronts only",
        "fold.here": "fold here",
        "cal.title": "Test page for two-sided printing",
        "cal.subject": "Find the shift of the backs that your printer needs",
        "cal.front.heading": "Test page for two-sided printing (front)",
        "cal.front.steps": (
            "1. Print both sides of this sheet in one go, two-sided, at actual size "
            "(100 %, not \"fit to page\"), {flip}.\n"
            "2. Measure the line below: it must be exactly 100 mm. If not, the printer "
            "scaled the page; change the setting and print again.\n"
            "3. Turn the sheet over and hold it against the light (a window). Read on the "
            "back where the bold lines from this side cross the scales: that is X and Y.\n"
            "4. Print the cards with: {command}"),
        "cal.flip.long": "flip on the long edge",
        "cal.flip.short": "flip on the short edge",
        "cal.ruler": "100 mm",
        "cal.back.heading": "Test page (back)",
        "cal.back.steps": (
            "Hold the sheet against the light. Where does the bold line from the front "
            "cross the scale? That number is the shift in millimetres. If you cannot see "
            "the line near the scale, the printer flipped the sheet on the other edge: "
            "choose the other --duplex."),
        "cal.scale.x": "X (mm): line from the front",
        "cal.scale.y": "Y (mm)",
        "cal.offset": "This back is already shifted by {x}, {y} mm.",
        "guide.title": "{deck}: facilitator guide",
        "guide.subject": "Rounds, timing, materials and printing the cards",
        "guide.page": "Page {page} of {pages}",
        "guide.overview": "Overview",
        "guide.round": "Round {number}: {title}",
        "guide.col.round": "Round",
        "guide.col.mode": "Mode",
        "guide.col.minutes": "Minutes",
        "guide.total": "Total",
        "guide.total.note": "Rounds without a time are not counted: {rounds}.",
        "guide.untimed": "no time set",
        "guide.minutes": "{minutes} min",
        "guide.per_turn": "{minutes} min per turn",
        "guide.mode.turns": "Turns",
        "guide.mode.pick": "Pick cards",
        "guide.mode.vote": "Dot vote",
        "guide.mode.agree": "Agreement",
        "guide.mode.open": "Open dialogue",
        "guide.per.participant": "each participant",
        "guide.per.organisation": "each organisation",
        "guide.draw.random": "draws a random card",
        "guide.draw.choose": "chooses a card",
        "guide.side.give": "what we give",
        "guide.side.get": "what we get",
        "guide.side.both": "what we give and get",
        "guide.picks": "up to {picks} cards: {side}",
        "guide.dots": "{dots} dots per participant",
        "guide.stack": "several dots on one value are allowed",
        "guide.no_stack": "at most one dot per value",
        "guide.secret": "votes stay hidden until everyone has voted",
        "guide.timing": "Time",
        "guide.how": "How the round is played",
        "guide.cards": "Cards",
        "guide.cards.kinds": "All {kinds}",
        "guide.kinds.value": "value cards",
        "guide.kinds.question": "question cards",
        "guide.kinds.blank": "blank cards",
        "guide.and": "and",
        "guide.prompt": "Say to the participants",
        "guide.guide": "For you as facilitator",
        "guide.materials": "What you need",
        "guide.mat.value": "{count} value cards in {categories} categories:",
        "guide.mat.category": "{name}: {count}",
        "guide.mat.question": "{count} question cards",
        "guide.mat.blank": "{count} blank cards for values that are missing",
        "guide.mat.dots": "Sticky dots: {dots} per participant",
        "guide.mat.pens": "Pens or markers for the blank cards and the agreement",
        "guide.mat.timer": "A clock or a phone with a timer",
        "guide.mat.paper": "Paper or a flip chart for the agreement",
        "guide.mat.screen": "A screen with vaerdispil, if you play on screen (not required)",
        "guide.printing": "How to print and cut the cards",
        "guide.print.steps": (
            "Print the cards with the command {command}, or use the ready-made PDF in the "
            "printables folder.\n"
            "Print at actual size (100 %). Never choose \"fit to page\": the cards come out "
            "too small.\n"
            "Two-sided: choose \"flip on the long edge\". Each back lands behind its front. "
            "{sheets}\n"
            "Without a two-sided printer: use the version to fold (--duplex fold). Fold the "
            "sheet along the dashed line, glue or tape the halves together, and cut.\n"
            "Backs not quite in line? Print the test page ({calibration}) and use its "
            "numbers with --back-offset X,Y.\n"
            "Cut along the short marks at the corners. Each card has its own marks, so "
            "marks are left for the next card.\n"
            "The colours print fine in black and white: the category name is always on the "
            "card."),
        "guide.print.sheets": "{cards} cards fill {sheets} sheets of A4 ({per_page} per side).",
        "guide.description": "About the game",
    },
}


def labels_for(language: str) -> dict[str, str]:
    """The labels in `language`, English for a language without its own."""
    return LABELS.get(language, LABELS["en"])
