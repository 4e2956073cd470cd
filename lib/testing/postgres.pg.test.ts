import { describe, expect, it } from "vitest";
import { testDatabase } from "./postgres";

describe("the test PostgreSQL harness", async () => {
  const first = await testDatabase();
  const second = await testDatabase();

  it("listens on 127.0.0.1 only, with no Unix socket", async () => {
    const { rows } = await first.pool.query(
      "SELECT current_setting('listen_addresses') AS listen, current_setting('unix_socket_directories') AS sockets, host(inet_server_addr()) AS addr",
    );
    expect(rows[0]).toEqual({ listen: "127.0.0.1", sockets: "", addr: "127.0.0.1" });
  });

  it("gives each call its own empty database, collated C", async () => {
    expect(first.url).not.toBe(second.url);
    await first.pool.query("CREATE TABLE only_here (x integer)");
    const tables = "SELECT count(*) AS n FROM information_schema.tables WHERE table_schema = 'public'";
    expect((await first.pool.query(tables)).rows[0].n).toBe(1);
    expect((await second.pool.query(tables)).rows[0].n).toBe(0);
    const { rows } = await second.pool.query("SELECT datcollate FROM pg_database WHERE datname = current_database()");
    expect(rows[0].datcollate).toBe("C");
  });

  it("reads bigint as a number, as better-sqlite3 reads integers", async () => {
    const { rows } = await first.pool.query("SELECT count(*) AS n, 1733356800000::bigint AS ts");
    expect(rows[0]).toEqual({ n: 1, ts: 1733356800000 });
  });
});
