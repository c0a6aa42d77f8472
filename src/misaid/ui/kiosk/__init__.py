"""The waiting-room kiosk: lock-down, idle wipe, staff exit and its calm screens."""
