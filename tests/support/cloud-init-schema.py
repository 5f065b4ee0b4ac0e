"""
`cloud-init schema -c FILE` for many files in one interpreter: the same check (cloud-init's
validate_cloudconfig_file against its full schema, as the command's handler calls it) without paying
the interpreter's start-up once per file. Prints one JSON line per file: {"file", "valid", "message"}.
Run with the Python that cloud-init's own script names (tests/support/tools.ts finds it).
"""
import contextlib
import json
import sys

from cloudinit.config.schema import (
    SchemaValidationError,
    get_schema,
    validate_cloudconfig_file,
)

schema = get_schema()
for path in sys.argv[1:]:
    try:
        # cloud-init prints its deprecation notes: to stderr, so stdout holds only the verdicts.
        with contextlib.redirect_stdout(sys.stderr):
            validate_cloudconfig_file(path, schema)
        verdict = {"file": path, "valid": True, "message": ""}
    except (SchemaValidationError, RuntimeError) as error:
        verdict = {"file": path, "valid": False, "message": str(error)}
    print(json.dumps(verdict))
