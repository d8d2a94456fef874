# Sourced by the README's curl walkthroughs: tokens for the cast, the API address, and `j`, one
# request that prints its answer and stops the walkthrough at the first refusal.
set -euo pipefail
tok() { npm run -s token -- --sub "$1" --roles "$2" --name "$3" --email "$4"; }
OFFICER=$(tok commissioning.officer officer "Commissioning Officer" commissioning.officer@example.gov.uk)
CHAIR=$(tok julian.le-grand panel "Julian Le Grand" julian.le-grand@example.gov.uk)
WOOD=$(tok alan.wood panel "Alan Wood" alan.wood@example.gov.uk)
ACME=$(tok acme supplier "Acme Research" bids@acme.example)
BIRCH=$(tok birch supplier "Birch Analytics" bids@birch.example)
API=${API:-http://127.0.0.1:3000/v1}
j() {
  local out
  out=$(curl -sS --fail-with-body -H "Authorization: Bearer $1" -H 'content-type: application/json' "${@:2}") \
    || { echo "refused: $out" >&2; exit 1; }
  echo "$out"
}
# `j` for a step that is meant to be refused: prints the problem, never stops.
refused() { curl -sS -H "Authorization: Bearer $1" -H 'content-type: application/json' "${@:2}"; echo; }
at() { date -u -d "$1" +%FT%TZ; }
ok() { jq -e "$1" >/dev/null || { echo "stopped: expected $1" >&2; exit 1; }; }
