"""Network sync through the office relay: a mailbox that holds no key able to open a bundle.

``httpsig`` signs and checks requests (RFC 9421 with Ed25519, RFC 9530 digests); ``mailbox`` is the
relay's durable storage; ``relay`` the ASGI app served by uvicorn; ``transport`` the pinned HTTPS client;
``laptop`` and ``office`` the two ends of a sync. ``docs/sync.md`` is the protocol.
"""
