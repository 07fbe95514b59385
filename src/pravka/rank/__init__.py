"""Ranking: the noisy channel. A candidate's score is log10 P(word) − cost(damage), plus context."""
