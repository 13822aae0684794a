#!/usr/bin/env bash
# Seeds a demo service point, so a newcomer sees a working system at once (`./dev.sh run`):
# five staff accounts, certificates the demo units held before (two of them near expiry), and
# orders in several states across the five regions, made with the `cahub` commands a service
# point would use — so the demo is also a worked example of scripting them.
#
#   samples/demo/seed.sh FOLDER
#
# FOLDER must not exist yet: the demo is seeded only into a new folder, never over a database.
# It gets cahub.toml (relative paths, so `cahub ... --config FOLDER/cahub.toml` finds the rest),
# cahub.db, the demo CAs' state, and demo-accounts.txt with the five accounts' passwords. The
# passwords are random, made here: cahub has no default account, and the demo has none either.
#
# Environment: CAHUB (the binary, default build/bin/cahub), CAHUB_PLUGINS (default build/plugins),
# CAHUB_RULES (default rules/), CAHUB_PORT (written to cahub.toml, default 8080).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
folder=${1:?usage: samples/demo/seed.sh FOLDER}
CAHUB=${CAHUB:-$root/build/bin/cahub}
plugins=${CAHUB_PLUGINS:-$root/build/plugins}
rules=${CAHUB_RULES:-$root/rules}

if [ -e "$folder" ]; then
  echo "seed.sh: $folder exists; the demo is seeded only into a new folder (remove it to start afresh)" >&2
  exit 2
fi
# The service point's folder holds its database and CA keys: only its user may look in.
umask 077
mkdir -p "$folder"
folder=$(cd "$folder" && pwd)
# A half-seeded demo is worse than none: on any failure, remove what this run made.
trap 'status=$?; if [ $status -ne 0 ]; then rm -rf "$folder"; echo "seed.sh: failed, $folder removed" >&2; fi' EXIT

# The key-encryption key that seals the demo CAs' private keys (docs/architecture.md, Keys at
# rest): random, made here, private to this user, like a production one kept outside the folder.
(umask 077 && openssl rand -hex 32 > "$folder/kek")

cat > "$folder/cahub.toml" <<EOF
# The demo service point made by samples/demo/seed.sh. Relative paths are relative to this file.
[paths]
database = "cahub.db"
var = "."
plugins = "$plugins"
rules = "$rules"

[server]
port = ${CAHUB_PORT:-8080}

[keys]
kek_file = "kek"

# The demo runs as a service point should: its region rules are releases in the database, changed
# in the console's 规则 workbench with four eyes (docs/rules.md, "Changing a region's rules").
# \`cahub db init\` imports rules/ as each region's first release; editing rules/*.lua afterwards
# changes nothing here (tests and \`cahub rules check|test\` read the files, rules.source = "files").
[rules]
source = "store"
EOF

cahub() { "$CAHUB" "$@" --config "$folder/cahub.toml"; }
clerk() { CAHUB_TOKEN=$clerk_token cahub "$@"; }
reviewer() { CAHUB_TOKEN=$reviewer_token cahub "$@"; }
# Runs one order command and keeps what the next one needs: its id, version, state and total.
step() {
  local line
  line=$("$@" --brief)
  read -r id version state total <<<"$line"
}

# Dates in China time, as cahub counts them.
today=$(date -u -d '+8 hours' +%F)
in_days() { date -u -d "$today $1 days" +%F; }

# The first start is explicit: no other command creates a database.
cahub db init >/dev/null

# Staff: the first account, an administrator, is made on the empty database with nobody signed
# in; it adds the others, as a service point would.
admin_password="demo-$(openssl rand -hex 8)"
clerk_password="demo-$(openssl rand -hex 8)"
reviewer_password="demo-$(openssl rand -hex 8)"
echo "$admin_password" | cahub staff add chen.jie --name 陈杰 --role admin >/dev/null
admin_token=$(echo "$admin_password" | cahub staff sign-in chen.jie 2>/dev/null)
echo "$clerk_password" | CAHUB_TOKEN=$admin_token cahub staff add wang.fang --name 王芳 --role clerk >/dev/null
echo "$reviewer_password" | CAHUB_TOKEN=$admin_token cahub staff add zhao.li --name 赵丽 --role reviewer >/dev/null
# Two administrators of Inner Mongolia's rules only: a fee change one of them drafts, the other
# approves (four eyes), in the console's 规则 workbench.
nmg_admin_password="demo-$(openssl rand -hex 8)"
nmg_approver_password="demo-$(openssl rand -hex 8)"
echo "$nmg_admin_password" | CAHUB_TOKEN=$admin_token cahub staff add gao.yan --name 高燕 --role admin \
  --regions neimenggu >/dev/null
echo "$nmg_approver_password" | CAHUB_TOKEN=$admin_token cahub staff add bai.lu --name 白露 --role admin \
  --regions neimenggu >/dev/null
CAHUB_TOKEN=$admin_token cahub staff sign-out 2>/dev/null
clerk_token=$(echo "$clerk_password" | cahub staff sign-in wang.fang 2>/dev/null)
reviewer_token=$(echo "$reviewer_password" | cahub staff sign-in zhao.li 2>/dev/null)

# Certificates held before cahub, with their own dates (certificates.tsv): a one-year certificate
# whose last day is N days from today.
while IFS=$'\t' read -r ca region serial unit uscc days_left; do
  case "$ca" in '' | '#'*) continue ;; esac
  not_after=$(in_days "$days_left")
  reviewer certs import --ca "$ca" --region "$region" --serial "$serial" --unit-name "$unit" --uscc "$uscc" \
    --not-before "$(date -u -d "$not_after -1 year +1 day" +%F)" --not-after "$not_after" >/dev/null
done <"$here/certificates.tsv"

# 福州示例软件: a new central/BJCA certificate the whole way, issued today and picked up.
step clerk order create --idempotency-key demo-central-new --json-file "$here/orders/central-new.json"
clerk order material "$id" --all >/dev/null
step reviewer order act "$id" start_review --version "$version"
step reviewer order act "$id" approve --version "$version"
step clerk order pay "$id" --version "$version" --method wechat --amount-fen "$total"
# No medium's request: the CA makes the key pair, and its private key is written here, once, for
# the holder (a real counter writes it to the medium it hands over); cahub keeps no copy.
mkdir -p -m 700 "$folder/handed-over"
step clerk order issue "$id" --version "$version" --key-out "$folder/handed-over/$id.key.pem"
step clerk order act "$id" ready_for_pickup --version "$version"
step clerk order act "$id" complete --version "$version"

# 北京示例科技: renewing the certificate that expires in 12 days; the reviewer is on it.
renewed=$(in_days 12)
step clerk order create --idempotency-key demo-central-renew --region central --ca bjca --business renew \
  --channel onsite --cert-not-before "$(date -u -d "$renewed -1 year +1 day" +%F)" --cert-not-after "$renewed" \
  --unit-name 北京示例科技有限公司 --uscc 91110108MA0DEM013A --previous-serial DEMO-BJCA-000101
clerk order material "$id" --all >/dev/null
step reviewer order act "$id" start_review --version "$version"

# 赵示例, an evaluation expert in Inner Mongolia: a CFCA personal certificate, issued, not yet collected.
step clerk order create --idempotency-key demo-neimenggu-expert --json-file "$here/orders/neimenggu-expert.json"
clerk order material "$id" --all >/dev/null
step reviewer order act "$id" start_review --version "$version"
step reviewer order act "$id" approve --version "$version"
step clerk order pay "$id" --version "$version" --method alipay --amount-fen "$total"
# The expert's UKey made the key pair: only its certificate request reaches cahub.
openssl req -new -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -keyout /dev/null -subj "/CN=UKey" \
  -out "$folder/handed-over/expert.csr" 2>/dev/null
step clerk order issue "$id" --version "$version" --csr "$folder/handed-over/expert.csr"

# 深圳示例电子: approved, awaiting payment; Guangdong publishes no fee, so it stays unpriced (and
# cannot be paid) until an administrator sets it.
step clerk order create --idempotency-key demo-guangdong-new --json-file "$here/orders/guangdong-new.json"
clerk order material "$id" --all >/dev/null
step reviewer order act "$id" start_review --version "$version"
step reviewer order act "$id" approve --version "$version"

# 呼和浩特示例贸易: just accepted, the licence copy not yet in.
step clerk order create --idempotency-key demo-neimenggu-new --json-file "$here/orders/neimenggu-new.json"

# 格尔木示例矿业: rejected, for the clerk to fix with the applicant and resubmit.
step clerk order create --idempotency-key demo-qinghai-new --json-file "$here/orders/qinghai-new.json"
clerk order material "$id" --all >/dev/null
step reviewer order act "$id" start_review --version "$version"
step reviewer order act "$id" reject --version "$version" --note "法定代表人授权书未签字"

# 济南示例信息技术: cancelled at the applicant's request.
step clerk order create --idempotency-key demo-jinan-new --json-file "$here/orders/jinan-new.json"
step clerk order act "$id" cancel --version "$version" --note "申请人改为邮寄办理"

cat >"$folder/demo-accounts.txt" <<EOF
Demo accounts (in this demo database only; cahub itself has no default account):
  clerk     wang.fang  $clerk_password
  reviewer  zhao.li    $reviewer_password
  admin     chen.jie   $admin_password  (every region)
  admin     gao.yan    $nmg_admin_password  (Inner Mongolia only: drafts rule changes)
  admin     bai.lu     $nmg_approver_password  (Inner Mongolia only: approves them)
Sign in to the API:  curl -s localhost:${CAHUB_PORT:-8080}/v1/login -d '{"login":"wang.fang","password":"$clerk_password"}'
Or on the command line:
  export CAHUB_TOKEN=\$(echo $clerk_password | $CAHUB staff sign-in wang.fang --config $folder/cahub.toml)
  $CAHUB order list --config $folder/cahub.toml
  $CAHUB certs expiring --within 30d --config $folder/cahub.toml
EOF
echo "seed.sh: demo service point seeded in $folder" >&2
