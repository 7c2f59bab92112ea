## permitflow catalogue: chart, en.
## Keys start with "chart-". Every key exists in both languages (a test checks).

