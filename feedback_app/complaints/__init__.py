"""The complaints officer's casework: complaints, points, clocks, actions and reports."""
