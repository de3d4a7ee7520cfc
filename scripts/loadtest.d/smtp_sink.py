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
            key = ""
            while (data := await reader.readline()) not in (b".\r\n", b".\n", b""):
                text = data.decode(errors="replace")
                if not key and text.lower().startswith(("x-outbox-key:", "subject:")):
                    key = text.split(":", 1)[1].strip()
            with open(log_path, "a") as log:
                log.write(key + "\n")
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
