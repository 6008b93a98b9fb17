"""article stage."""
