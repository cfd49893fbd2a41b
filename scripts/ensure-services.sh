#!/usr/bin/env bash
# Starts PostgreSQL, Redis and Mosquitto on their standard local ports if they are not
# answering (the development and CI machines run them already; this is for a restart).
set -u
up() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
if ! up 5432; then pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -1)" main start || true; fi
if ! up 6379; then redis-server --daemonize yes --bind 127.0.0.1 -::1 --port 6379 --save "" --appendonly no --dir /var/lib/redis --logfile /var/log/redis/ci.log || true; fi
if ! up 1883; then mosquitto -d -c /etc/mosquitto/mosquitto.conf || true; fi
for i in $(seq 1 30); do
  if up 5432 && up 6379 && up 1883; then echo "PostgreSQL :5432, Redis :6379, Mosquitto :1883 up"; exit 0; fi
  sleep 1
done
echo "a service is not answering: postgres $(up 5432 && echo up || echo down), redis $(up 6379 && echo up || echo down), mosquitto $(up 1883 && echo up || echo down)"
exit 1
