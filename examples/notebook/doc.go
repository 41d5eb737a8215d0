// Package notebook holds scripts that drive the geostance CLI from Python
// and R, the way researchers call it from a notebook: score_corpus.py and
// score_corpus.R score a JSON Lines corpus and print the mean attitude
// toward each target. Its test builds the CLI and runs both scripts.
package notebook
