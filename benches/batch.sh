#!/usr/bin/env bash
# Batch benchmark: 1,000 scenario files, each a variant of the default scenario (different start
# dates and time limits), solved under all their regimes with targets checked.
#   bash benches/batch.sh [COUNT]
# Prints the wall time of `permitflow batch` over the folder (best of 3 runs).
set -euo pipefail
cd "$(dirname "$0")/.."
count=${1:-1000}
cargo build --release -q
dir=$(mktemp -d)
out=$(mktemp --suffix=.csv)
trap 'rm -rf "$dir" "$out"' EXIT
base=scenarios/social-investment-housing.toml
for i in $(seq 1 "$count"); do
  month=$(( (i % 12) + 1 ))
  day=$(( (i % 28) + 1 ))
  fire=$(( (i % 9) + 2 ))
  sed -e "s/^start = \"2025-03-03\"/start = \"2025-$(printf %02d $month)-$(printf %02d $day)\"/" \
      -e "0,/value = 10, source = \"assumed\"/s//value = $fire, source = \"assumed\"/" \
      "$base" > "$dir/scenario-$(printf %04d "$i").toml"
done
echo "generated $count scenario files in $dir"
best=""
for run in 1 2 3; do
  start=$(date +%s%N)
  ./target/release/permitflow batch "$dir" --out "$out" > /dev/null || true
  ms=$(( ($(date +%s%N) - start) / 1000000 ))
  echo "run $run: ${ms} ms"
  if [[ -z $best ]] || (( ms < best )); then best=$ms; fi
done
rows=$(($(wc -l < "$out") - 1))
echo "best: ${best} ms for $count files ($rows result rows) on $(nproc) cores"
