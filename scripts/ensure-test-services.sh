#!/usr/bin/env bash
# Makes sure what the tests need runs here: Debian's chromium (browser journeys) and a MariaDB
# on 127.0.0.1:3306 with a `utility` user for the test databases. Idempotent and quick when done.
set -euo pipefail

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else
  echo "need root for: $*" >&2; return 1; fi; }

missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
[ -x /usr/sbin/mariadbd ] || missing+=(mariadb-server mariadb-client)
# Chinese glyphs in browser-journey screenshots.
[ -e /usr/share/fonts/truetype/wqy/wqy-microhei.ttc ] || missing+=(fonts-wqy-microhei)
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing Debian packages: ${missing[*]}"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

ping_db() { mariadb-admin --protocol=tcp -h127.0.0.1 -P3306 -uutility -putility ping >/dev/null 2>&1 \
  || mariadb-admin --protocol=tcp -h127.0.0.1 -P3306 -uroot ping >/dev/null 2>&1; }

if ! mariadb-admin ping >/dev/null 2>&1 && ! ping_db; then
  echo "Starting MariaDB"
  as_root mkdir -p /run/mysqld && as_root chown mysql:mysql /run/mysqld
  as_root start-stop-daemon --start --oknodo --background --exec /usr/sbin/mariadbd -- --user=mysql
  for _ in $(seq 1 60); do mariadb-admin ping >/dev/null 2>&1 && break; sleep 0.5; done
fi

# The test user, created over the local socket where root authenticates as the OS user.
# (`mariadb-admin ping` answers 0 even when access is denied: a query proves the credentials.)
user_ok() { mariadb --protocol=tcp -h127.0.0.1 -P3306 -uutility -putility -e 'SELECT 1' >/dev/null 2>&1; }
if ! user_ok; then
  as_root mariadb -e "CREATE USER IF NOT EXISTS 'utility'@'127.0.0.1' IDENTIFIED BY 'utility';
    CREATE USER IF NOT EXISTS 'utility'@'localhost' IDENTIFIED BY 'utility';
    GRANT ALL PRIVILEGES ON *.* TO 'utility'@'127.0.0.1'; GRANT ALL PRIVILEGES ON *.* TO 'utility'@'localhost';"
fi
user_ok || { echo "MariaDB user 'utility' cannot connect on 127.0.0.1:3306" >&2; exit 1; }

# A test server: commits reach the OS at once and the disk each second (a crashed mariadbd loses
# nothing, a crashed machine up to a second) — the suites create and migrate hundreds of schemas.
mariadb --protocol=tcp -h127.0.0.1 -P3306 -uutility -putility -e 'SET GLOBAL innodb_flush_log_at_trx_commit = 2' >/dev/null 2>&1 || true
