"""Practice mode: case vignettes, a choice per approach, the score and the explanation."""
