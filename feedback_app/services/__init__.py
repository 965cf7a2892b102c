"""Services own every query and business rule; routes and commands call them."""
