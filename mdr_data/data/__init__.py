"""The shipped data: CSV tables and their Frictionless ``datapackage.json``."""
