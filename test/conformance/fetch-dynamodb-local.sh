#!/usr/bin/env sh
# Fills the DynamoDB Local cache that test/conformance/dynamodb-local.ts looks in:
#   node_modules/.cache/dynamodb-local/DynamoDBLocal.jar (+ DynamoDBLocal_lib/)
# The official jar ships inside the npm package amplify-dynamodb-simulator
# (emulator/). Only the tarball is fetched (`npm pack`), none of its dependencies,
# so this needs nothing but the npm registry. Java 17+ is needed to run the jar.
#
#   sh test/conformance/fetch-dynamodb-local.sh            # into the default cache
#   DYNAMODB_LOCAL_DIR=/opt/ddb sh test/conformance/...    # somewhere else
#   DYNAMODB_LOCAL_PACKAGE=amplify-dynamodb-simulator@x.y.z sh ...  # pin a version
set -eu

root=$(cd "$(dirname "$0")/../.." && pwd)
dest=${DYNAMODB_LOCAL_DIR:-"$root/node_modules/.cache/dynamodb-local"}
package=${DYNAMODB_LOCAL_PACKAGE:-amplify-dynamodb-simulator@2.9.30}

if [ -f "$dest/DynamoDBLocal.jar" ] && [ -d "$dest/DynamoDBLocal_lib" ]; then
  echo "DynamoDB Local already in $dest"
  exit 0
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

echo "fetching $package (npm pack) ..."
tarball=$(cd "$work" && npm pack "$package" --silent --ignore-scripts | tail -n 1)
tar -xzf "$work/$tarball" -C "$work"
if [ ! -f "$work/package/emulator/DynamoDBLocal.jar" ]; then
  echo "error: $package has no emulator/DynamoDBLocal.jar" >&2
  exit 1
fi

mkdir -p "$dest"
rm -rf "$dest/DynamoDBLocal_lib"
cp -R "$work/package/emulator/." "$dest/"
echo "DynamoDB Local in $dest"
ls "$dest"
