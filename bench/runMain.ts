/** Runs a bench script's `main`, exits 0 when it ends (servers and workers may hold handles), 1 with the error. */
export function runMain(main: () => Promise<void>): void {
  main().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
