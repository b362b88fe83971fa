"""Following people up after they leave: who is due a contact, and what happened to them since."""
