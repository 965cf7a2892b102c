"""Staff sign-in, sign-out and the role checks every staff route uses."""
