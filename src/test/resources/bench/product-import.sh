#!/usr/bin/env bash
# Times product imports against a running server (mvn -Prun): for each size, a new ENTERPRISE tenant imports a
# file of that many new products (every row with a name, an on-hand and a threshold), then the same file again with
# every on-hand changed (updates, each an IMPORT movement). Prints one markdown row per import.
# Usage: bash src/test/resources/bench/product-import.sh 10000 100000
set -euo pipefail
API=${API:-http://127.0.0.1:9080/stocksync/api/v1}
token() { mvn -q test-compile exec:java@token "$@"; }
ADMIN=$(token -Dtoken.role=platform-admin)
work=$(mktemp -d)

run() { # file, label
  local started ended id status view
  started=$(date +%s.%N)
  id=$(curl -sf -X POST "$API/products/imports" -H "Authorization: Bearer $SHOP" -H 'Content-Type: text/csv' \
    --data-binary @"$1" | jq -r .id)
  status=QUEUED
  while [[ $status == QUEUED || $status == RUNNING ]]; do
    sleep 0.2
    view=$(curl -sf "$API/products/imports/$id" -H "Authorization: Bearer $SHOP")
    status=$(jq -r .status <<<"$view")
  done
  ended=$(date +%s.%N)
  jq -r --arg what "$2" --arg s "$(echo "$ended - $started" | bc)" \
    '"| \($what) | \(.rows) | \(.status) | \(.created) / \(.updated) / \(.unchanged) / \(.rejected) | \($s | tonumber | . * 10 | round / 10) | \((.rows / ($s | tonumber)) | round) |"' \
    <<<"$view"
}

echo "| import | rows | status | created / updated / unchanged / rejected | upload to COMPLETED (s) | rows/s |"
echo "|---|---:|---|---|---:|---:|"
for size in "$@"; do
  tenant=$(curl -sf -X POST "$API/tenants" -H "Authorization: Bearer $ADMIN" -H 'Content-Type: application/json' \
    -d "{\"name\":\"Import bench $size $(date +%s)\",\"tier\":\"ENTERPRISE\"}" | jq -r .id)
  SHOP=$(token -Dtoken.role=tenant-admin -Dtoken.tenant="$tenant")
  awk -v n="$size" 'BEGIN { print "sku,name,on_hand,low_stock_threshold";
    for (i = 1; i <= n; i++) printf "IMP-%07d,Imported product %d,%d,%d\n", i, i, i % 500, i % 7 }' > "$work/new.csv"
  awk -v n="$size" 'BEGIN { print "sku,name,on_hand,low_stock_threshold";
    for (i = 1; i <= n; i++) printf "IMP-%07d,Imported product %d,%d,%d\n", i, i, i % 500 + 1, i % 7 }' > "$work/changed.csv"
  run "$work/new.csv" "$size new products"
  run "$work/changed.csv" "$size on-hand changes"
done
rm -rf "$work"
