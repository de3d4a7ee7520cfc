"""A minimal SMTP receiver for `make loadtest`: accepts every message and appends its
X-Outbox-Key header (or Subject) to a file, one line per message received.

    python smtp_sink.py PORT LOGFILE
"""

import asyncio
import sys


async def handle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter, log_path: str):
    def send(line: str):
        writer.write((line + "\r\n").encode())

    send("220 sink ESMTP")
    await writer.drain()
    while line := await reader.readline():
        command = line.decode(errors="replace").strip().upper()
        if command.startswith(("EHLO", "HELO")):
            send("250 sink")
        elif command == "DATA":
            send("354 end with .")
            await writer.drain()
            headers: dict[str, str] = {}
            while (data := await reader.readline()) not in (b".\r\n", b".\n", b""):
                name, colon, value = data.decode(errors="replace").partition(":")
                if colon and name.strip().lower() in ("x-outbox-key", "subject"):
                    headers.setdefault(name.strip().lower(), value.strip())
            # The outbox key when the email has one (whichever header comes first), else Subject.
            with open(log_path, "a") as log:
                log.write(headers.get("x-outbox-key", headers.get("subject", "")) + "\n")
            send("250 queued")
        elif command == "QUIT":
            send("221 bye")
            await writer.drain()
            break
        else:
            send("250 ok")
        await writer.drain()
    writer.close()


async def main(port: int, log_path: str):
    server = await asyncio.start_server(lambda r, w: handle(r, w, log_path), "127.0.0.1", port)
    async with server:
        await server.serve_forever()


if __name__ == "__main__":
    asyncio.run(main(int(sys.argv[1]), sys.argv[2]))
