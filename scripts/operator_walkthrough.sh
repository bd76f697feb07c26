#!/usr/bin/env bash
# docs/operations.md, parts A to C, step by step on a "fresh machine" (an empty home folder):
# HQ makes keys and starts `hervest-hq serve` on 127.0.0.1; a laptop is installed, checked,
# given a database, enrolled and synced; users are added (each registered at HQ too); an HQ
# coordinator's laptop imports the mission's referral list, works offline, exports
# a bundle with its receipt; HQ imports it, verifies the receipt, the laptop syncs again
# (nothing twice), HQ revokes the laptop (its next sync is refused) and the laptop is wiped.
#
#   scripts/operator_walkthrough.sh            # the built bundle dist/hervest, else source
#   scripts/operator_walkthrough.sh --source   # the source checkout, even if a build exists
#   HERVEST=/opt/hervest/hervest scripts/operator_walkthrough.sh
#
# The laptop side runs the built bundle when there is one; HQ runs from the Python install
# (`hervest-hq` is not part of the laptop build). Fictional users and demo data only.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
python=${PYTHON:-$( [ -x .venv/bin/python ] && echo .venv/bin/python || command -v python3 )}
python=$(cd "$(dirname "$python")" && pwd)/$(basename "$python")
if [ -n "${HERVEST:-}" ]; then laptop=("$HERVEST")
elif [ "${1:-}" != --source ] && [ -x dist/hervest/hervest ]; then
    laptop=("$root/dist/hervest/hervest")
else laptop=("$python" -m app.cli.main)
fi
hq=("$python" -m sync.server.cli)

work=$(mktemp -d)
server=""
trap '[ -n "$server" ] && kill "$server" 2>/dev/null; rm -rf "$work"' EXIT
export HOME=$work/home PYTHONPATH=$root HERVEST_LANG=en QT_QPA_PLATFORM=offscreen
unset XDG_DATA_HOME XDG_CONFIG_HOME HERVEST_USER HERVEST_PASSPHRASE HERVEST_NEW_PASSPHRASE
mkdir -p "$HOME"
cd "$work"

step() { printf '\n== %s\n' "$*"; }
hervest() { "${laptop[@]}" "$@"; }
hervest_hq() { "${hq[@]}" "$@"; }
as_anna() { HERVEST_PASSPHRASE="anna walks the long road home" hervest "$@" --as anna; }
as_admin() { HERVEST_PASSPHRASE="the admin sets this laptop up" hervest "$@" --as admin; }
expect_failure() {  # the command must fail and say $1
    local want=$1; shift
    if out=$("$@" 2>&1); then echo "expected a refusal, got: $out" >&2; return 1; fi
    grep -qi -- "$want" <<<"$out" || { echo "expected '$want' in: $out" >&2; return 1; }
    echo "refused as expected: $(tail -1 <<<"$out")"
}

echo "laptop program: ${laptop[*]}"
store="sqlite:///$work/hq/hq.db"
mkdir -p hq

step "D.3 HQ makes its keys"
hervest_hq keygen --out hq/keys

step "D.4 HQ starts the server (plain HTTP on 127.0.0.1: tests only)"
port=$("$python" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
"${hq[@]}" serve --store "$store" --keys hq/keys --host 127.0.0.1 --port "$port" &
server=$!
for _ in $(seq 100); do
    "$python" -c "import httpx; httpx.get('http://127.0.0.1:$port/v1/health').raise_for_status()" \
        2>/dev/null && break
    sleep 0.2
done

step "A.3 test the installation"
hervest --self-test

step "A.4 check the version"
hervest --version

step "A.5 create the database (its administrator) and the main user"
HERVEST_PASSPHRASE="the admin sets this laptop up" \
    hervest init --user admin --role ADMIN --display-name "Laptop admin (fictional)"
HERVEST_NEW_PASSPHRASE="anna walks the long road home" as_admin users add --user anna \
    --role HQ_COORDINATOR --display-name "Anna Demo (fictional)"

step "A.6 register the laptop's accounts at HQ (HQ knows who can unlock its laptops)"
hervest_hq users add admin --role ADMIN --display-name "Laptop admin (fictional)" --store "$store" --keys hq/keys
hervest_hq users add anna --role HQ_COORDINATOR --display-name "Anna Demo (fictional)" --store "$store" --keys hq/keys
hervest_hq users add bob --role COA --display-name "Bob Demo (fictional)" --store "$store" --keys hq/keys

step "A.7 enrol the laptop"
code=$(hervest_hq devices enroll --store "$store" --keys hq/keys --user anna --label LAPTOP-DEMO-01 \
       --url "http://127.0.0.1:$port" --no-qr | tail -1)
as_anna enroll "$code"
device=$(as_anna info --json | "$python" -c 'import json, sys; print(json.load(sys.stdin)["device_id"])')
hervest_hq devices list --store "$store" --keys hq/keys | grep "$device"
as_anna info | grep key_slots  # the users' slots and the recovery slot set at enrolment

step "A.8 add the other delegation members"
HERVEST_NEW_PASSPHRASE="bob rides a blue bicycle daily" as_admin users add --user bob \
    --role COA --display-name "Bob Demo (fictional)"
as_anna users list

step "A.9 first sync"
as_anna sync

step "A.10 check the database"
as_anna check

step "B.1 work during the mission: the referral list (fictional), sync"
as_anna import referrals "$root/resources/demo/referrals-demo.csv"
as_anna sync

step "B.2 more work offline, then export a bundle and its receipt"
as_anna frameworks load-published
mkdir stick
as_anna export --out stick/mission.age --receipt receipt.pdf
ls -l stick receipt.pdf

step "C.2 HQ imports the bundle from the stick"
hervest_hq import stick/mission.age --store "$store" --keys hq/keys --identity hq/keys/bundle-identity.txt

step "C.3 HQ verifies the paper receipt against the stick"
hervest_hq verify-receipt stick/mission.age --receipt receipt.pdf

step "C.1/C.4 last sync after the import: HQ has everything, nothing is left pending"
as_anna sync
as_anna info | grep -E "changes_pending +0$"

step "B.3 / C.5.1 HQ revokes the laptop; its next sync is refused"
hervest_hq devices revoke "$device" --store "$store" --keys hq/keys
hervest_hq devices list --store "$store" --keys hq/keys | grep "$device" | grep revoked
expect_failure "revoked" as_anna sync

step "C.5.2 wipe the laptop: without the key file nobody can open the database"
db="$HOME/.local/share/Hervest/hervest.db"
rm -f "$db" "$db.keys" "$db-wal" "$db-shm"
expect_failure "no database" as_anna info

printf '\noperator walkthrough: all steps passed\n'
