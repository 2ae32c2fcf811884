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
        "sheet.label": "{deck} · ark {sheet} af {sheets} · {side}",
        "sheet.front": "forside",
        "sheet.back": "bagside",
        "sheet.both": "forside og bagside",
        "layout.shop": "ét kort pr. side med 3 mm beskæring, til et trykkeri",
        # Calibration
        "cal.title": "Prøveside til dobbeltsidet print",
        "cal.subject": "Find den forskydning af bagsiderne, som din printer skal bruge",
        "cal.front.heading": "Prøveside til dobbeltsidet print (forside)",
        "cal.front.steps": (
            "1. Læg almindeligt 80 g-kopipapir i printeren: tykt karton lader ikke lyset "
            "igennem. Brug samme bakke og indstillinger som til kortene.\n"
            "2. Print begge sider af dette ark på én gang, dobbeltsidet, i faktisk størrelse "
            "(100 %, ikke »tilpas til side«), {flip}.\n"
            "3. Mål stregen nedenfor: den skal være præcis 100 mm. Ellers har printeren "
            "skaleret siden; ret indstillingen og print igen.\n"
            "4. Vend arket og hold det op mod et vindue. Læs på bagsiden, hvor de fede "
            "streger fra denne side rammer skalaerne: det er X og Y.\n"
            "5. Print kortene med: {command}"),
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
        "guide.mode.review": "Gennemgang af det, vi aftalte",
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
            "Passer bagsiderne ikke helt? Print prøvesiden ({calibration}) på almindeligt "
            "80 g-papir, hold den op mod et vindue, og brug tallene med --back-offset X,Y.\n"
            "Med saks eller hobbykniv: klip langs stregerne ved hjørnerne. Hvert kort har sine "
            "egne streger, så der er streger tilbage til det næste kort.\n"
            "Med papirskærer: {guillotine} lægger kortene kant i kant med fælles skærelinjer, "
            "der er markeret i margenen.\n"
            "Til et trykkeri: {shop} giver ét kort pr. side med 3 mm beskæring.\n"
            "Sort-hvid printer: hver kategori har sit eget tegn og mønster i båndet, så "
            "bunkerne kan sorteres, selv om farverne bliver grå.\n"
            "Et kort mistet? Print det igen med --cards og kortets id (nederst på kortet)."),
        "guide.print.sheets": "{cards} kort fylder {sheets} ark A4 ({per_page} pr. side).",
        "guide.description": "Om spillet",
        # Session summary
        "summary.title": "{title}: opsamling",
        "summary.subject": (
            "Opsamling af et værksted med Værdispillet{where}: aftaler, værdier, afstemning, "
            "handlinger og samarbejdsaftale"),
        "summary.kicker": "Opsamling af værkstedet",
        "summary.untitled": "Værksted med Værdispillet",
        "summary.page": "Side {page} af {pages}",
        "summary.anonymous": "Udgave uden personnavne",
        "summary.none": "Intet noteret.",
        "summary.no_date": "ingen dato",
        "summary.and": "og",
        "summary.months": (
            "januar februar marts april maj juni juli august september oktober november december"),
        "summary.date": "{day}. {month} {year}",
        "cover.place": "Sted",
        "cover.date": "Dato",
        "cover.facilitator": "Facilitator",
        "cover.deck": "Kortspil",
        "cover.deck_version": "{title}, version {version}",
        "cover.status": "Forløb",
        "cover.ended": "Afsluttet efter {played} af {rounds} runder",
        "cover.ended_at": "Afsluttet {date} kl. {time} efter {played} af {rounds} runder",
        "cover.time": "{hour}.{minute:02d}",
        "cover.stopped": "Ikke afsluttet: stoppede i runde {round} af {rounds}",
        "cover.setup": "Ikke gået i gang",
        "cover.people": "Deltagere",
        "cover.people_count": "{people} fra {orgs}",
        "cover.orgs_count": "{orgs}",
        "count.participant": "{count} deltager",
        "count.participants": "{count} deltagere",
        "count.organisation": "{count} organisation",
        "count.organisations": "{count} organisationer",
        "count.dot": "{count} prik",
        "count.dots": "{count} prikker",
        "cover.organisations": "Organisationer",
        "cover.anonymous": (
            "Navne på personer (deltagere og facilitator) er udeladt i denne udgave; kun "
            "organisationerne nævnes."),
        "overview.heading": "Overblik",
        "overview.agreed": "Det er vi enige om",
        "overview.none": "Gruppen blev ikke enige om nogen fælles værdier på dette værksted.",
        "overview.commit": "Står bag",
        "overview.nobody": "ingen organisation endnu",
        "overview.from": "Bygger på",
        "overview.dissent": "Uenig",
        "overview.follow_up": "Opfølgning",
        "overview.follow_up.date": "Vi mødes igen og følger op {date}.",
        "overview.follow_up.none": "Der er ikke aftalt en dato for opfølgning.",
        "overview.numbers": "I tal",
        "overview.count.orgs": "organisationer",
        "overview.count.orgs.one": "organisation",
        "overview.count.picks": "valgte værdikort",
        "overview.count.picks.one": "valgt værdikort",
        "overview.count.agreed": "fælles værdier",
        "overview.count.agreed.one": "fælles værdi",
        "overview.count.actions": "handlinger",
        "overview.count.actions.one": "handling",
        "overview.top": "Flest prikker",
        "overview.top.each": "{dots} hver",
        "map.heading": "Hvem giver og får hvad",
        "map.intro": (
            "Antal værdikort, som hver organisation valgte i hver kategori: <b>G</b> = det giver "
            "vi, <b>F</b> = det får vi. Jo mørkere feltet er, jo flere kort."),
        "map.organisation": "Organisation",
        "map.give": "G",
        "map.get": "F",
        "map.total": "I alt",
        "map.own": "Egne værdier",
        "map.balance": "Balance",
        "map.flag.gives": "valgte kun, hvad de giver",
        "map.flag.gets": "valgte kun, hvad de får",
        "map.flag.neither": "valgte ingen værdikort",
        "map.only_gives": "Valgte kun, hvad de giver: {orgs}.",
        "map.only_gets": "Valgte kun, hvad de får: {orgs}.",
        "map.neither": "Valgte hverken, hvad de giver, eller hvad de får: {orgs}.",
        "map.balanced": "Alle organisationer valgte både noget, de giver, og noget, de får.",
        "map.empty": "Der blev ikke valgt nogen værdikort.",
        "votes.heading": "Afstemningen",
        "votes.caption": "Prikker pr. værdi ({dots} i alt).",
        "votes.hidden": (
            "Afstemningen var hemmelig, og ikke alle nåede at stemme, så resultatet blev aldrig "
            "vist. Derfor vises det heller ikke her."),
        "votes.none": "Der blev ikke sat nogen prikker.",
        "votes.not_played": "Værkstedet nåede ikke til en afstemning.",
        "votes.zero": "Uden prikker: {values}.",
        "votes.table": "Alle værdier med prikker:",
        "votes.col.value": "Værdi",
        "votes.col.dots": "Prikker",
        "votes.chart": "Søjlediagram over prikkerne pr. værdi",
        "rounds.heading": "Runde for runde",
        "rounds.round": "Runde {number}: {title}",
        "rounds.before": "Før første runde",
        "rounds.turns": "Kortene på bordet",
        "rounds.picks": "Valgte værdier",
        "rounds.notes": "Noter",
        "rounds.empty": "Intet noteret i denne runde.",
        "rounds.see_votes": "Resultatet står under »Afstemningen«.",
        "rounds.see_agreed": "Aftalerne står i overblikket og i samarbejdsaftalen.",
        "col.who": "Hvem",
        "col.card": "Kort",
        "col.outcome": "Sådan gik det",
        "col.organisation": "Organisation",
        "col.side": "",
        "col.value": "Værdi",
        "col.reason": "Hvorfor",
        "side.give": "giver",
        "side.get": "får",
        "turn.answered": "besvaret",
        "turn.passed": "stod over",
        "turn.skipped": "ikke til stede",
        "turn.open": "i gang",
        "actions.heading": "Handlinger",
        "actions.intro": "Sæt kryds, når en handling er gjort.",
        "actions.none": "Der blev ikke aftalt nogen handlinger.",
        "actions.done": "Gjort",
        "actions.what": "Hvad",
        "actions.who": "Hvem",
        "actions.due": "Senest",
        "open.heading": "Uenighed og åbne spørgsmål",
        "open.dissent": "Uenighed",
        "open.dissent.about": "Om »{value}«",
        "open.questions": "Åbne spørgsmål",
        "open.questions.intro": (
            "Spørgsmålskort, der ikke blev besvaret, og noter, der endte med et spørgsmål."),
        "open.unanswered": "»{card}« blev ikke besvaret ({who}: {outcome}).",
        "agreement.heading": "Samarbejdsaftale",
        "agreement.continued": "Samarbejdsaftale (fortsat)",
        "agreement.between": "mellem {orgs}",
        "agreement.between_many": "mellem de {count} organisationer, der skriver under nedenfor",
        "agreement.intro": (
            "Aftalen er frivillig og ikke juridisk bindende. Den samler, hvad hver af os bringer "
            "ind i samarbejdet og får ud af det, de værdier vi deler, og det vi vil gøre. Vi ser "
            "på "
            "aftalen igen på den aftalte dato."),
        "agreement.values": "Det er vi fælles om",
        "agreement.values.none": "Vi har endnu ikke aftalt fælles værdier.",
        "agreement.brings": "Det bringer vi, og det får vi",
        "agreement.col.brings": "Vi bringer",
        "agreement.col.gets": "Vi får",
        "agreement.actions": "Det gør vi",
        "agreement.actions.none": "Vi har endnu ikke aftalt handlinger.",
        "agreement.by": "senest {date}",
        "agreement.review": "Vi ser på aftalen igen",
        "agreement.review.date": "Vi mødes og gennemgår aftalen {date}.",
        "agreement.review.blank": "Dato: ______________________",
        "agreement.signatures": "Underskrifter",
        "agreement.sign": "Navn, underskrift og dato",
        "type.helhedsplan": "Helhedsplan",
        "type.kommune": "Kommune",
        "type.boligorganisation": "Boligorganisation",
        "type.forening": "Forening",
        "type.virksomhed": "Virksomhed",
        "type.institution": "Institution",
        "type.beboere": "Beboere",
        "type.andet": "Andet",
        # Report across workshops
        "report.title": "Værdispillet på tværs af {count} værksteder",
        "report.title.one": "Værdispillet: rapport over ét værksted",
        "report.subject": (
            "Hvilke værdier og kategorier der vælges og aftales oftest, og balancen mellem at give "
            "og få pr. type organisation"),
        "report.intro": (
            "Rapporten tæller på tværs af værkstederne. <b>Giver</b> og <b>Får</b> er antal gange, "
            "en organisation valgte værdien som noget, den giver eller får. <b>Aftalt</b> er antal "
            "fælles værdier, der bygger på den. <b>Værksteder</b> er antal værksteder, hvor "
            "værdien "
            "blev valgt eller aftalt."),
        "report.language": (
            "Rapporten er på dansk. Værdier og kategorier står med deres danske navne, også fra "
            "værksteder, der blev spillet på et andet sprog: det samme kort tælles som én "
            "værdi."),
        "report.workshops": "Værkstederne",
        "report.values": "Værdierne",
        "report.values.chart": "De {count} værdier, der blev valgt oftest",
        "report.values.chart.one": "Den ene værdi, der blev valgt",
        "report.values.cut": "Lange navne er forkortet her; tabellen herunder har dem hele.",
        "report.categories": "Kategorierne",
        "report.types": "Giver og får pr. type organisation",
        "report.types.intro": (
            "<b>Kun giver</b> og <b>Kun får</b> tæller organisationer, der valgte værdier til den "
            "ene side og ingen til den anden, selv om de var med, da der blev spurgt til den."),
        "report.types.chart": "Antal valg pr. type organisation",
        "report.col.workshop": "Værksted",
        "report.col.place": "Sted",
        "report.col.date": "Dato",
        "report.col.orgs": "Organisationer",
        "report.col.agreed_values": "Fælles værdier",
        "report.col.actions": "Handlinger",
        "report.col.value": "Værdi",
        "report.col.category": "Kategori",
        "report.col.gives": "Giver",
        "report.col.gets": "Får",
        "report.col.picks": "Valgt i alt",
        "report.col.agreed": "Aftalt",
        "report.col.workshops": "Værksteder",
        "report.col.type": "Type",
        "report.col.per_org_gives": "Giver pr. org.",
        "report.col.per_org_gets": "Får pr. org.",
        "report.col.only_gives": "Kun giver",
        "report.col.only_gets": "Kun får",
        "report.none": "Ingen værdier valgt endnu.",
        "report.own": "(egen værdi)",
        "report.decimal": ",",
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
        "sheet.label": "{deck} · sheet {sheet} of {sheets} · {side}",
        "sheet.front": "front",
        "sheet.back": "back",
        "sheet.both": "front and back",
        "layout.shop": "one card a page with 3 mm bleed, for a print shop",
        "cal.title": "Test page for two-sided printing",
        "cal.subject": "Find the shift of the backs that your printer needs",
        "cal.front.heading": "Test page for two-sided printing (front)",
        "cal.front.steps": (
            "1. Put ordinary 80 g copy paper in the printer: heavy card lets no light "
            "through. Use the same tray and settings as for the cards.\n"
            "2. Print both sides of this sheet in one go, two-sided, at actual size "
            "(100 %, not \"fit to page\"), {flip}.\n"
            "3. Measure the line below: it must be exactly 100 mm. If not, the printer "
            "scaled the page; change the setting and print again.\n"
            "4. Turn the sheet over and hold it up to a window. Read on the back where the "
            "bold lines from this side cross the scales: that is X and Y.\n"
            "5. Print the cards with: {command}"),
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
        "guide.mode.review": "Review of what we agreed",
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
            "Backs not quite in line? Print the test page ({calibration}) on ordinary "
            "80 g paper, hold it up to a window, and use its numbers with --back-offset X,Y.\n"
            "With scissors or a craft knife: cut along the marks at the corners. Each card "
            "has its own marks, so marks are left for the next card.\n"
            "With a guillotine: {guillotine} puts the cards edge to edge with shared cut "
            "lines, marked in the margin.\n"
            "For a print shop: {shop} gives one card a page with 3 mm bleed.\n"
            "Black-and-white printer: each category has its own sign and pattern in the band, "
            "so the piles sort even when the colours turn grey.\n"
            "Lost a card? Print it again with --cards and the card's id (at its foot)."),
        "guide.print.sheets": "{cards} cards fill {sheets} sheets of A4 ({per_page} per side).",
        "guide.description": "About the game",
        "summary.title": "{title}: summary",
        "summary.subject": (
            "Summary of a Værdispillet workshop{where}: agreements, values, vote, actions and "
            "partnership agreement"),
        "summary.kicker": "Summary of the workshop",
        "summary.untitled": "Værdispillet workshop",
        "summary.page": "Page {page} of {pages}",
        "summary.anonymous": "Version without people's names",
        "summary.none": "Nothing recorded.",
        "summary.no_date": "no date",
        "summary.and": "and",
        "summary.months": (
            "January February March April May June July August September October November "
            "December"),
        "summary.date": "{day} {month} {year}",
        "cover.place": "Place",
        "cover.date": "Date",
        "cover.facilitator": "Facilitator",
        "cover.deck": "Deck",
        "cover.deck_version": "{title}, version {version}",
        "cover.status": "Progress",
        "cover.ended": "Finished after {played} of {rounds} rounds",
        "cover.ended_at": "Finished on {date} at {time}, after {played} of {rounds} rounds",
        "cover.time": "{hour:02d}:{minute:02d}",
        "cover.stopped": "Not finished: stopped in round {round} of {rounds}",
        "cover.setup": "Not started",
        "cover.people": "Participants",
        "cover.people_count": "{people} from {orgs}",
        "cover.orgs_count": "{orgs}",
        "count.participant": "{count} participant",
        "count.participants": "{count} participants",
        "count.organisation": "{count} organisation",
        "count.organisations": "{count} organisations",
        "count.dot": "{count} dot",
        "count.dots": "{count} dots",
        "cover.organisations": "Organisations",
        "cover.anonymous": (
            "People's names (participants and facilitator) are left out of this version; only "
            "the organisations are named."),
        "overview.heading": "Overview",
        "overview.agreed": "What we agree on",
        "overview.none": "The group did not agree on any shared values at this workshop.",
        "overview.commit": "Committed",
        "overview.nobody": "no organisation yet",
        "overview.from": "Grew from",
        "overview.dissent": "Disagrees",
        "overview.follow_up": "Follow-up",
        "overview.follow_up.date": "We meet again to follow up on {date}.",
        "overview.follow_up.none": "No date has been agreed for a follow-up.",
        "overview.numbers": "In numbers",
        "overview.count.orgs": "organisations",
        "overview.count.orgs.one": "organisation",
        "overview.count.picks": "value cards picked",
        "overview.count.picks.one": "value card picked",
        "overview.count.agreed": "shared values",
        "overview.count.agreed.one": "shared value",
        "overview.count.actions": "actions",
        "overview.count.actions.one": "action",
        "overview.top": "Most dots",
        "overview.top.each": "{dots} each",
        "map.heading": "Who gives and gets what",
        "map.intro": (
            "The number of value cards each organisation picked in each category: <b>G</b> = what "
            "we give, <b>R</b> = what we get (receive). The darker the cell, the more cards."),
        "map.organisation": "Organisation",
        "map.give": "G",
        "map.get": "R",
        "map.total": "Total",
        "map.own": "Own values",
        "map.balance": "Balance",
        "map.flag.gives": "chose only what they give",
        "map.flag.gets": "chose only what they get",
        "map.flag.neither": "chose no value cards",
        "map.only_gives": "Chose only what they give: {orgs}.",
        "map.only_gets": "Chose only what they get: {orgs}.",
        "map.neither": "Chose neither what they give nor what they get: {orgs}.",
        "map.balanced": "Every organisation chose both something it gives and something it gets.",
        "map.empty": "No value cards were picked.",
        "votes.heading": "The vote",
        "votes.caption": "Dots per value ({dots} in all).",
        "votes.hidden": (
            "The vote was secret and not everyone had voted, so the result was never shown. It is "
            "not shown here either."),
        "votes.none": "No dots were placed.",
        "votes.not_played": "The workshop did not reach a vote.",
        "votes.zero": "No dots: {values}.",
        "votes.table": "Every value with dots:",
        "votes.col.value": "Value",
        "votes.col.dots": "Dots",
        "votes.chart": "Bar chart of the dots per value",
        "rounds.heading": "Round by round",
        "rounds.round": "Round {number}: {title}",
        "rounds.before": "Before the first round",
        "rounds.turns": "Cards on the table",
        "rounds.picks": "Values picked",
        "rounds.notes": "Notes",
        "rounds.empty": "Nothing recorded in this round.",
        "rounds.see_votes": "The result is under \"The vote\".",
        "rounds.see_agreed": "The agreements are in the overview and the partnership agreement.",
        "col.who": "Who",
        "col.card": "Card",
        "col.outcome": "How it went",
        "col.organisation": "Organisation",
        "col.side": "",
        "col.value": "Value",
        "col.reason": "Why",
        "side.give": "gives",
        "side.get": "gets",
        "turn.answered": "answered",
        "turn.passed": "passed",
        "turn.skipped": "not here",
        "turn.open": "under way",
        "actions.heading": "Actions",
        "actions.intro": "Tick an action off when it is done.",
        "actions.none": "No actions were agreed.",
        "actions.done": "Done",
        "actions.what": "What",
        "actions.who": "Who",
        "actions.due": "By",
        "open.heading": "Dissent and open questions",
        "open.dissent": "Dissent",
        "open.dissent.about": "About \"{value}\"",
        "open.questions": "Open questions",
        "open.questions.intro": (
            "Question cards that were not answered, and notes that ended in a question."),
        "open.unanswered": "\"{card}\" was not answered ({who}: {outcome}).",
        "agreement.heading": "Partnership agreement",
        "agreement.continued": "Partnership agreement (continued)",
        "agreement.between": "between {orgs}",
        "agreement.between_many": "between the {count} organisations that sign below",
        "agreement.intro": (
            "This agreement is voluntary and not legally binding. It sets down what each of us "
            "brings to the partnership and gets from it, the values we share, and what we will do. "
            "We review it on the agreed date."),
        "agreement.values": "What we share",
        "agreement.values.none": "We have not agreed on shared values yet.",
        "agreement.brings": "What we bring and what we get",
        "agreement.col.brings": "We bring",
        "agreement.col.gets": "We get",
        "agreement.actions": "What we will do",
        "agreement.actions.none": "We have not agreed on actions yet.",
        "agreement.by": "by {date}",
        "agreement.review": "We review the agreement",
        "agreement.review.date": "We meet and go through the agreement on {date}.",
        "agreement.review.blank": "Date: ______________________",
        "agreement.signatures": "Signatures",
        "agreement.sign": "Name, signature and date",
        "type.helhedsplan": "Social housing plan",
        "type.kommune": "Municipality",
        "type.boligorganisation": "Housing organisation",
        "type.forening": "Association",
        "type.virksomhed": "Business",
        "type.institution": "Institution",
        "type.beboere": "Residents",
        "type.andet": "Other",
        "report.title": "Værdispillet across {count} workshops",
        "report.title.one": "Værdispillet: report on one workshop",
        "report.subject": (
            "Which values and categories are picked and agreed most often, and the balance of "
            "giving and getting per kind of organisation"),
        "report.intro": (
            "The report counts across the workshops. <b>Gives</b> and <b>Gets</b> are the times an "
            "organisation picked the value as something it gives or gets. <b>Agreed</b> is the "
            "number of shared values that grew from it. <b>Workshops</b> is the number of "
            "workshops "
            "where the value was picked or agreed."),
        "report.language": (
            "The report is in English. Values and categories are given by their English names, "
            "also from workshops that were played in another language: the same card counts as "
            "one value."),
        "report.workshops": "The workshops",
        "report.values": "The values",
        "report.values.chart": "The {count} values picked most often",
        "report.values.chart.one": "The one value picked",
        "report.values.cut": "Long names are shortened here; the table below has them whole.",
        "report.categories": "The categories",
        "report.types": "Giving and getting per kind of organisation",
        "report.types.intro": (
            "<b>Only gives</b> and <b>Only gets</b> count organisations that picked values on one "
            "side and none on the other, though they were there when the other side was asked "
            "for."),
        "report.types.chart": "Picks per kind of organisation",
        "report.col.workshop": "Workshop",
        "report.col.place": "Place",
        "report.col.date": "Date",
        "report.col.orgs": "Organisations",
        "report.col.agreed_values": "Shared values",
        "report.col.actions": "Actions",
        "report.col.value": "Value",
        "report.col.category": "Category",
        "report.col.gives": "Gives",
        "report.col.gets": "Gets",
        "report.col.picks": "Picked in all",
        "report.col.agreed": "Agreed",
        "report.col.workshops": "Workshops",
        "report.col.type": "Kind",
        "report.col.per_org_gives": "Gives per org.",
        "report.col.per_org_gets": "Gets per org.",
        "report.col.only_gives": "Only gives",
        "report.col.only_gets": "Only gets",
        "report.none": "No values picked yet.",
        "report.own": "(own value)",
        "report.decimal": ".",
    },
}


def labels_for(language: str) -> dict[str, str]:
    """The labels in `language`, English for a language without its own."""
    return LABELS.get(language, LABELS["en"])
