"""Records: assembly from parsed pages, ids, and validation."""
