"""The parent and young people's survey journeys."""
