#!/usr/bin/env bash
# Type-checks sst.config.ts against the SST platform's real component types.
#
# `sst install` writes .sst/platform (config.d.ts and the AWS provider) from
# the npm registry, but first wants its own `bun`, which it downloads from
# elsewhere. Where that download cannot happen, a stand-in `bun` that runs
# npm lets the install finish from the npm registry alone. An existing bun
# is left as it is. Safe to run again: a finished install is reused.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)"
bun="${HOME}/.config/sst/bin/bun"

if [ ! -x "$bun" ]; then
  mkdir -p "$(dirname "$bun")"
  printf '#!/bin/sh\n# Stand-in for bun: SST only asks it to install packages.\nexec npm "$@"\n' > "$bun"
  chmod +x "$bun"
  echo "typecheck:infra: installed a bun stand-in that runs npm at $bun"
fi

cd "$root"
SST_STAGE="${SST_STAGE:-dev}" SST_TELEMETRY_DISABLED=1 SST_SKIP_DEPENDENCY_CHECK=1 \
  npx --no-install sst install

npx --no-install tsc -p packages/infra/tsconfig.sst.json
echo "typecheck:infra: sst.config.ts is consistent with the SST platform types"
