"""actors stage."""
