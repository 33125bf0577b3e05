"""Score converted records against hand-made gold (the reference-set gold format)."""
