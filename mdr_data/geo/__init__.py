"""Shipped geometry: Natural Earth 1:110m country shapes (see scripts/build_world_geometry.py)."""
