## permitflow catalogue: common, en.
## Keys start with "common-". Every key exists in both languages (a test checks).

common-working-days = { $n ->
    [one] { $n } working day
   *[other] { $n } working days
}
