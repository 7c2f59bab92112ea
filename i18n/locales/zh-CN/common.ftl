## permitflow catalogue: common, zh-CN.
## Keys start with "common-". Every key exists in both languages (a test checks).

common-working-days = { $n } 个工作日
