"""`vaerdispil serve`: the app in a browser on this computer, safe and offline."""
