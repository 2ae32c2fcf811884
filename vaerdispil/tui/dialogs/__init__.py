"""Modal dialogs that ask for a few fields and return them."""
