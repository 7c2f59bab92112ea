## permitflow catalogue: report, en.
## Keys start with "report-". Every key exists in both languages (a test checks).

