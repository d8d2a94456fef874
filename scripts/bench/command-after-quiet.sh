#!/usr/bin/env bash
# A command through the API after a quiet spell, against one straight after: PUTs the seeded first
# study's specification (so it must be in drafting). Needs ./scripts/start running and jq.
# A refused PUT (the study no longer in drafting) stops it rather than timing the refusal.
#   bash scripts/bench/command-after-quiet.sh        (QUIET=12 seconds, N=8 spells)
source "$(dirname "$0")/../walkthrough-env.sh"
ID=$(j "$OFFICER" "$API/commissions?programmeId=letter-childrens-services&q=improvement" | jq -r '.items[0].id')
put() {
  curl -sS --fail -o /dev/null -w '%{time_total}\n' -H "Authorization: Bearer $OFFICER" -H 'content-type: application/json' \
    -X PUT "$API/commissions/$ID/specification" -d "{\"content\": \"# Scope\\n\\nDraft $1\"}"
}
put warm-up >/dev/null
quiet=()
straight=()
for i in $(seq 1 "${N:-8}"); do
  sleep "${QUIET:-12}"
  quiet+=("$(put "q$i")")
  straight+=("$(put "s$i")")
done
median() { printf '%s\n' "$@" | sort -n | awk '{v[NR]=$1} END {printf "%.1f ms", 1000 * v[int((NR + 1) / 2)]}'; }
echo "after ${QUIET:-12} s quiet: median $(median "${quiet[@]}") (${quiet[*]} s)"
echo "straight after:   median $(median "${straight[@]}") (${straight[*]} s)"
