"""Stage 3, article types: cue rules, meeting events, features, the classifier, its training and scores."""
