"""Validate a JUnit XML report against an XML schema; print the problems and exit 1 if any.

Usage: python3 validate.py REPORT.xml SCHEMA.xsd
Needs: pip install xmlschema
"""

import sys

import xmlschema

schema = xmlschema.XMLSchema(sys.argv[2])
errors = list(schema.iter_errors(sys.argv[1]))
for e in errors:
    print(f"{sys.argv[1]}: {e.path}: {e.reason}", file=sys.stderr)
sys.exit(1 if errors else 0)
