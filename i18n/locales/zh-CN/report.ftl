## permitflow catalogue: report, zh-CN.
## Keys start with "report-". Every key exists in both languages (a test checks).

