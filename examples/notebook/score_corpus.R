#!/usr/bin/env Rscript
# Score a JSON Lines corpus with geostance and print the mean attitude
# toward each target.
#
# Run it from the repository root:
#
#   Rscript examples/notebook/score_corpus.R [CORPUS.jsonl]
#
# The corpus defaults to examples/sample/corpus.jsonl. The script calls
# `go run ./cmd/geostance score CORPUS`, or the binary named by the
# GEOSTANCE_BIN environment variable when it is set, which saves the
# compilation on every run:
#
#   go build -o /tmp/geostance ./cmd/geostance
#   GEOSTANCE_BIN=/tmp/geostance Rscript examples/notebook/score_corpus.R
#
# It needs base R only. When the jsonlite package is installed it reads the
# records with it, as you would in an analysis:
#
#   df <- jsonlite::stream_in(textConnection(out), verbose = FALSE)
#   aggregate(score ~ target, data = df, FUN = mean)
#
# and otherwise with a small reader of the three fields it needs. Set
# GEOSTANCE_R_PARSER=base to use that reader even when jsonlite is there.
#
# The table has one row per target, sorted by id: the number of scored
# sentences, the mean score in [-1, 1], and how many sentences were
# labelled positive, neutral and negative.

args <- commandArgs(trailingOnly = TRUE)
corpus <- if (length(args) >= 1) args[[1]] else "examples/sample/corpus.jsonl"

bin <- Sys.getenv("GEOSTANCE_BIN")
if (nzchar(bin)) {
  cmd <- bin
  cmd_args <- c("score", "-quiet", corpus)
} else {
  cmd <- "go"
  cmd_args <- c("run", "./cmd/geostance", "score", "-quiet", corpus)
}
# system2 goes through the shell, hence the quoting; stderr stays on the
# console so that the CLI's own message explains a failure.
out <- suppressWarnings(system2(shQuote(cmd), shQuote(cmd_args), stdout = TRUE))
status <- attr(out, "status")
if (!is.null(status) && status != 0) {
  stop("score_corpus: ", cmd, " exited with status ", status, call. = FALSE)
}
out <- out[nzchar(trimws(out))]

# field returns the first value of "name": VALUE on each line, where VALUE
# matches the capturing pattern, or NA. The CLI writes the top-level
# target, score and label before any nested object, and escapes quotes
# inside strings, so the first match is the record's own field.
field <- function(lines, name, pattern) {
  re <- paste0("\"", name, "\"[[:space:]]*:[[:space:]]*", pattern)
  m <- regmatches(lines, regexec(re, lines))
  vapply(m, function(x) if (length(x) >= 2) x[[2]] else NA_character_, "")
}

use_jsonlite <- Sys.getenv("GEOSTANCE_R_PARSER") != "base" &&
  requireNamespace("jsonlite", quietly = TRUE)
if (length(out) == 0) {
  records <- data.frame(target = character(0), score = numeric(0),
                        label = character(0), stringsAsFactors = FALSE)
} else if (use_jsonlite) {
  df <- jsonlite::stream_in(textConnection(out), verbose = FALSE)
  records <- data.frame(target = df$target, score = df$score,
                        label = df$label, stringsAsFactors = FALSE)
} else {
  records <- data.frame(
    target = field(out, "target", "\"([^\"]*)\""),
    score = as.numeric(field(out, "score", "(-?[0-9][0-9.eE+-]*)")),
    label = field(out, "label", "\"([a-z]+)\""),
    stringsAsFactors = FALSE
  )
}
# Whole-sentence records (score -sentences) have a null target.
records <- records[!is.na(records$target), , drop = FALSE]

cat(sprintf("%-8s %4s %7s %4s %4s %4s\n", "target", "n", "mean", "pos", "neu", "neg"))
for (id in sort(unique(records$target), method = "radix")) {
  rs <- records[records$target == id, , drop = FALSE]
  # A plain running sum, as Python and Go add them: sum() accumulates in
  # extended precision and may differ in the last bit.
  total <- 0
  for (s in rs$score) total <- total + s
  cat(sprintf("%-8s %4d %+7.3f %4d %4d %4d\n", id, nrow(rs), total / nrow(rs),
              sum(rs$label == "positive"), sum(rs$label == "neutral"),
              sum(rs$label == "negative")))
}
