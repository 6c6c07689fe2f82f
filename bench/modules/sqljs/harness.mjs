// sql.js (SQLite compiled by Emscripten) run through its own loader, initSqlJs, on the module under test.
//
// Each run loads the database engine the way an application does: the package's loader file
// (node_modules/sql.js/dist/sql-wasm.js) creates the Emscripten runtime around the instance. initSqlJs
// keeps its first instance in a variable of the file and returns it to every later call, so the file is
// evaluated anew for each run (as require() does the first time, without its cache): every run gets an
// engine and an instance of its own. The loader's instantiateWasm option receives the imports the runtime
// built and instantiates the module under test, already compiled by the runner (ctx.module).
//
// The workload (timed): an orders database of 1500 seeded rows is created, filled through a prepared
// statement in one transaction, indexed, and queried (aggregates, a join, LIKE, ORDER BY, a window
// function, an update). The outputs are every query's rows and the database file itself (db.export()),
// so a miscompiled B-tree, string or float routine changes them.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';

const require = createRequire(import.meta.url);
const LOADER = require.resolve('sql.js/dist/sql-wasm.js');
// The loader's CommonJS source, compiled once; each call of `evaluate` runs it as a fresh module.
const evaluate = new Function('module', 'exports', 'require', '__filename', '__dirname', readFileSync(LOADER, 'utf8'));
const loaderRequire = createRequire(LOADER);

/** A fresh copy of the package's initSqlJs, with no instance of an earlier run. */
function freshInitSqlJs() {
  const module = { exports: {} };
  evaluate(module, module.exports, loaderRequire, LOADER, dirname(LOADER));
  return module.exports;
}

const ROWS = 1500;
const CUSTOMERS = 120;
const PRODUCTS = ['anchor', 'bolt', 'cable', 'drill', 'engine', 'filter', 'gasket', 'hinge', 'insulator', 'jack', 'kettle', 'lever', 'magnet', 'nozzle', 'oscillator', 'piston'];
const REGIONS = ['north', 'south', 'east', 'west', 'central'];

/** Every row of a query's result, flattened: column names, then the values row by row (numbers and strings). */
function rows(db, sql) {
  const out = [];
  for (const { columns, values } of db.exec(sql)) {
    out.push(...columns);
    for (const row of values) for (const v of row) out.push(v === null ? 'NULL' : v);
  }
  return out;
}

export default {
  name: 'sqljs',
  description: 'sql.js 1.16.0 (SQLite, Emscripten) through its own loader: 1500 seeded orders inserted, indexed and queried',

  async instantiate(_bytes, ctx) {
    let instance;
    const SQL = await freshInitSqlJs()({
      instantiateWasm(imports, receive) {
        instance = new WebAssembly.Instance(ctx.module, imports);
        receive(instance);
        return {};
      },
    });
    return { instance, api: SQL };
  },

  setup({ rng }) {
    const pick = (list) => list[Math.floor(rng() * list.length)];
    const customers = Array.from({ length: CUSTOMERS }, (_, id) => [id, `customer-${id}-${pick(PRODUCTS)}`, pick(REGIONS)]);
    const orders = Array.from({ length: ROWS }, (_, id) => [
      id,
      Math.floor(rng() * CUSTOMERS),
      pick(PRODUCTS),
      1 + Math.floor(rng() * 20),
      Math.round(rng() * 100000) / 100,
      `2024-${String(1 + Math.floor(rng() * 12)).padStart(2, '0')}-${String(1 + Math.floor(rng() * 28)).padStart(2, '0')}`,
    ]);
    return { customers, orders };
  },

  run({ api: SQL }, { customers, orders }) {
    const db = new SQL.Database();
    db.run(`CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT NOT NULL, region TEXT NOT NULL);
            CREATE TABLE orders (id INTEGER PRIMARY KEY, customer INTEGER NOT NULL REFERENCES customers(id),
                                 product TEXT NOT NULL, quantity INTEGER NOT NULL, price REAL NOT NULL, day TEXT NOT NULL);`);
    db.run('BEGIN');
    const addCustomer = db.prepare('INSERT INTO customers VALUES (?, ?, ?)');
    for (const c of customers) addCustomer.run(c);
    addCustomer.free();
    const addOrder = db.prepare('INSERT INTO orders VALUES (?, ?, ?, ?, ?, ?)');
    for (const o of orders) addOrder.run(o);
    addOrder.free();
    db.run('COMMIT');
    db.run('CREATE INDEX orders_by_customer ON orders(customer); CREATE INDEX orders_by_day ON orders(day, product)');
    db.run('UPDATE orders SET price = round(price * 1.1, 2) WHERE product LIKE ? AND quantity > ?', ['%o%', 10]);
    return {
      db,
      byProduct: rows(db, `SELECT product, count(*), sum(quantity), round(sum(quantity * price), 2), round(avg(price), 4), min(day), max(day)
                           FROM orders GROUP BY product ORDER BY product`),
      byRegion: rows(db, `SELECT c.region, count(DISTINCT c.id), round(sum(o.quantity * o.price), 2)
                          FROM orders o JOIN customers c ON c.id = o.customer GROUP BY c.region ORDER BY 3 DESC`),
      top: rows(db, `SELECT c.name, round(sum(o.quantity * o.price), 2) AS total, rank() OVER (ORDER BY sum(o.quantity * o.price) DESC)
                     FROM orders o JOIN customers c ON c.id = o.customer GROUP BY c.id ORDER BY total DESC, c.name LIMIT 10`),
      months: rows(db, `SELECT substr(day, 1, 7) AS month, count(*), group_concat(DISTINCT upper(substr(product, 1, 1)))
                        FROM orders WHERE day BETWEEN '2024-03-01' AND '2024-09-30' GROUP BY month ORDER BY month`),
      text: rows(db, `SELECT printf('%08.3f|%-10s|%x', price, product, orders.id * 2654435761 % 4294967296), length(name), instr(name, 'o'), replace(name, '-', '/')
                      FROM orders JOIN customers ON customers.id = orders.customer WHERE orders.id % 97 = 0 ORDER BY orders.id`),
    };
  },

  output(_ctx, _input, result) {
    const { db, ...queries } = result;
    const file = db.export();
    db.close();
    return { ...queries, file };
  },
};
