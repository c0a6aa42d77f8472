"""The Qt user interface: the wizard, the result view and the take-home handout; it only shows and collects."""
