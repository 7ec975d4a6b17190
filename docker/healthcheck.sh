#!/bin/bash
# Container health: GET /health on the service's port answers 200 only when the service is up
# (for the Streams apps: state RUNNING). bash's /dev/tcp avoids needing curl in the image.
port=${1:?port}
exec 3<>"/dev/tcp/127.0.0.1/$port" || exit 1
printf 'GET /health HTTP/1.0\r\nHost: localhost\r\n\r\n' >&3
IFS= read -r status <&3
[[ "$status" == *" 200 "* ]]
