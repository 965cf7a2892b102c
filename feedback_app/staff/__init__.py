"""The staff home page and the navigation between staff areas."""
