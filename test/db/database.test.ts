import { migrate, migrations, MigrationChecksumError, type Migration } from '../../db';
import { describeEachEngine } from '../support/postgres';

describeEachEngine('database', (ctx) => {
  it('answers ping and queries with parameters, with the same JS types on both engines', async () => {
    await ctx.db.ping();
    const [row] = await ctx.db.query<{ n: number; big: number; ts: Date; j: unknown; t: string | null }>(
      `SELECT $1::int AS n, count(*) AS big, '2024-01-08T09:00:00Z'::timestamptz AS ts,
              '{"b":1,"a":[true]}'::jsonb AS j, $2::text AS t
         FROM (VALUES (1), (2)) v(x)`,
      [41, null],
    );
    expect(row).toEqual({ n: 41, big: 2, ts: new Date('2024-01-08T09:00:00Z'), j: { a: [true], b: 1 }, t: null });
  });

  it('commits a transaction and rolls back one that throws', async () => {
    await ctx.db.exec('CREATE TABLE IF NOT EXISTS tx_probe (k text PRIMARY KEY, v int)');
    await ctx.db.exec('DELETE FROM tx_probe');
    const result = await ctx.db.transaction(async (tx) => {
      await tx.query('INSERT INTO tx_probe VALUES ($1, $2)', ['kept', 1]);
      return 'done';
    });
    expect(result).toBe('done');
    await expect(
      ctx.db.transaction(async (tx) => {
        await tx.query('INSERT INTO tx_probe VALUES ($1, $2)', ['dropped', 2]);
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    await expect(
      ctx.db.transaction(async (tx) => {
        await tx.query('INSERT INTO tx_probe VALUES ($1, $2)', ['dropped-too', 3]);
        await tx.query('INSERT INTO tx_probe VALUES ($1, $2)', ['kept', 4]); // duplicate key
      }),
    ).rejects.toThrow();
    expect(await ctx.db.query('SELECT k FROM tx_probe ORDER BY k')).toEqual([{ k: 'kept' }]);
  });

  it('does not interleave the statements of concurrent transactions', async () => {
    await ctx.db.exec('CREATE TABLE IF NOT EXISTS tx_counter (id int PRIMARY KEY, n int NOT NULL)');
    await ctx.db.query('INSERT INTO tx_counter VALUES (1, 0) ON CONFLICT (id) DO UPDATE SET n = 0');
    // Read-modify-write with a yield between read and write: lost updates if transactions interleave.
    // On PGlite the transaction mutex serialises them; on PostgreSQL the row lock (FOR UPDATE) does.
    const bump = () =>
      ctx.db.transaction(async (tx) => {
        const [row] = await tx.query<{ n: number }>('SELECT n FROM tx_counter WHERE id = 1 FOR UPDATE');
        await new Promise((r) => setTimeout(r, 5));
        await tx.query('UPDATE tx_counter SET n = $1 WHERE id = 1', [row!.n + 1]);
      });
    // Plain queries issued meanwhile must not land inside someone's transaction either.
    const noise = Array.from({ length: 10 }, () => ctx.db.query('SELECT n FROM tx_counter WHERE id = 1'));
    await Promise.all([...Array.from({ length: 10 }, bump), ...noise]);
    expect(await ctx.db.query('SELECT n FROM tx_counter WHERE id = 1')).toEqual([{ n: 10 }]);
  });

  it('a failed transaction leaves the connection usable', async () => {
    await expect(ctx.db.transaction((tx) => tx.query('SELECT * FROM no_such_table'))).rejects.toThrow();
    await expect(ctx.db.query('SELECT 1 AS one')).resolves.toEqual([{ one: 1 }]);
  });

  it('refuses a tx handle used after its transaction ended', async () => {
    let leaked: { query: (s: string) => Promise<unknown> } | undefined;
    await ctx.db.transaction(async (tx) => {
      leaked = tx;
    });
    await expect(leaked!.query('SELECT 1')).rejects.toThrow(/closed/i);
  });

  it('on PGlite, refuses the Database itself inside its own transaction instead of deadlocking', async () => {
    if (ctx.engine !== 'pglite') return;
    await expect(ctx.db.transaction(() => ctx.db.query('SELECT 1'))).rejects.toThrow(/use the `tx` argument/);
  });

  it('records migrations and re-runs them safely', async () => {
    const rows = await ctx.db.query<{ version: number; name: string }>(
      'SELECT version, name FROM schema_migrations ORDER BY version',
    );
    expect(rows.map((r) => r.version)).toEqual(migrations.map((m) => m.version));
    expect(await migrate(ctx.db)).toEqual([]);
    expect(await migrate(ctx.db)).toEqual([]);
    expect(await ctx.db.query('SELECT count(*) AS n FROM schema_migrations')).toEqual([{ n: migrations.length }]);
  });

  it('applies only pending migrations, in order, all or nothing', async () => {
    const extra: Migration[] = [
      { version: 1002, name: 'second', sql: 'ALTER TABLE mig_probe ADD COLUMN b int' },
      { version: 1001, name: 'first', sql: 'CREATE TABLE mig_probe (a int)' },
    ];
    expect(await migrate(ctx.db, extra)).toEqual([1001, 1002]);
    expect(await migrate(ctx.db, extra)).toEqual([]);
    // A failing migration rolls back the ones before it in the same run.
    const failing: Migration[] = [
      { version: 1003, name: 'ok', sql: 'CREATE TABLE mig_probe_ok (a int)' },
      { version: 1004, name: 'bad', sql: 'ALTER TABLE no_such_table ADD COLUMN x int' },
    ];
    await expect(migrate(ctx.db, failing)).rejects.toThrow();
    expect(await ctx.db.query("SELECT to_regclass('mig_probe_ok') AS t")).toEqual([{ t: null }]);
    expect(await ctx.db.query('SELECT version FROM schema_migrations WHERE version >= 1003')).toEqual([]);
    // An applied migration whose SQL changed is refused.
    await expect(migrate(ctx.db, [{ ...extra[1]!, sql: 'CREATE TABLE mig_probe (a bigint)' }])).rejects.toBeInstanceOf(
      MigrationChecksumError,
    );
  });

  it('racing migrators apply each migration once', async () => {
    const race: Migration[] = [
      { version: 2001, name: 'race_a', sql: 'CREATE TABLE race_a (id int PRIMARY KEY)' },
      { version: 2002, name: 'race_b', sql: 'CREATE TABLE race_b (id int PRIMARY KEY); INSERT INTO race_b VALUES (1)' },
    ];
    // On PostgreSQL, separate pools stand for separate processes; on PGlite the same handle races itself.
    const handles = ctx.engine === 'postgres' ? [ctx.db, await ctx.openAnother({ migrate: false }), await ctx.openAnother({ migrate: false })] : [ctx.db, ctx.db, ctx.db];
    const results = await Promise.all(handles.map((h) => migrate(h, race)));
    expect(results.flat().sort()).toEqual([2001, 2002]);
    expect(await ctx.db.query('SELECT count(*) AS n FROM race_b')).toEqual([{ n: 1 }]);
  });
});
