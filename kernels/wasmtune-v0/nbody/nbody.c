/* Softened gravitational n-body simulation (symplectic Euler), structure of arrays, double precision.
 * Returns the total energy after `steps` steps; positions and velocities are updated in place. */
#define MAXB 1024

double px[MAXB], py[MAXB], pz[MAXB];
double vx[MAXB], vy[MAXB], vz[MAXB];
double mass[MAXB];

#define SOFTENING 0.01

static void advance(int n, double dt) {
  for (int i = 0; i < n; i++) {
    for (int j = i + 1; j < n; j++) {
      double dx = px[i] - px[j];
      double dy = py[i] - py[j];
      double dz = pz[i] - pz[j];
      double d2 = dx * dx + dy * dy + dz * dz + SOFTENING;
      double mag = dt / (d2 * __builtin_sqrt(d2));
      vx[i] -= dx * mass[j] * mag;
      vy[i] -= dy * mass[j] * mag;
      vz[i] -= dz * mass[j] * mag;
      vx[j] += dx * mass[i] * mag;
      vy[j] += dy * mass[i] * mag;
      vz[j] += dz * mass[i] * mag;
    }
  }
  for (int i = 0; i < n; i++) {
    px[i] += dt * vx[i];
    py[i] += dt * vy[i];
    pz[i] += dt * vz[i];
  }
}

static double energy(int n) {
  double e = 0.0;
  for (int i = 0; i < n; i++) {
    e += 0.5 * mass[i] * (vx[i] * vx[i] + vy[i] * vy[i] + vz[i] * vz[i]);
    for (int j = i + 1; j < n; j++) {
      double dx = px[i] - px[j];
      double dy = py[i] - py[j];
      double dz = pz[i] - pz[j];
      e -= mass[i] * mass[j] / __builtin_sqrt(dx * dx + dy * dy + dz * dz + SOFTENING);
    }
  }
  return e;
}

double nbody(int n, int steps) {
  for (int s = 0; s < steps; s++) advance(n, 0.001);
  return energy(n);
}
