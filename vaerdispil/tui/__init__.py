"""The Textual shell: screens that show the game and turn keys into commands."""
