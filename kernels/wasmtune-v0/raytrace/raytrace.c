/* Whitted-style ray tracer over a list of spheres with a directional light, hard shadows and
 * mirror reflections. All vector math goes through small vec3 helper functions taking and returning
 * structs by value, as typical C code does. Writes a w*h RGB image of doubles. */
#define MAXS 64
#define MAXW 160
#define MAXH 120
#define MAX_DEPTH 3

typedef struct { double x, y, z; } vec3;

typedef struct {
  vec3 center;
  double radius;
  vec3 color;
  double reflectivity;
} sphere;

double scene[MAXS * 8]; /* raw input, 8 numbers in [0,1) per sphere */
double image[MAXW * MAXH * 3];
static sphere spheres[MAXS];

/* clang may lower struct copies to memcpy calls; no libc here, so provide one. */
void *memcpy(void *dst, const void *src, unsigned long n) {
  unsigned char *d = dst;
  const unsigned char *s = src;
  for (unsigned long i = 0; i < n; i++) d[i] = s[i];
  return dst;
}

static vec3 v3(double x, double y, double z) { vec3 r; r.x = x; r.y = y; r.z = z; return r; }
static vec3 v_add(vec3 a, vec3 b) { return v3(a.x + b.x, a.y + b.y, a.z + b.z); }
static vec3 v_sub(vec3 a, vec3 b) { return v3(a.x - b.x, a.y - b.y, a.z - b.z); }
static vec3 v_mul(vec3 a, vec3 b) { return v3(a.x * b.x, a.y * b.y, a.z * b.z); }
static vec3 v_scale(vec3 a, double s) { return v3(a.x * s, a.y * s, a.z * s); }
static double v_dot(vec3 a, vec3 b) { return a.x * b.x + a.y * b.y + a.z * b.z; }
static double v_len(vec3 a) { return __builtin_sqrt(v_dot(a, a)); }
static vec3 v_norm(vec3 a) { return v_scale(a, 1.0 / v_len(a)); }
static vec3 v_reflect(vec3 d, vec3 n) { return v_sub(d, v_scale(n, 2.0 * v_dot(d, n))); }
static double clamp01(double v) { return v < 0.0 ? 0.0 : (v > 1.0 ? 1.0 : v); }

/* Distance along the ray to the sphere, or -1 when missed. */
static double hit_sphere(const sphere *s, vec3 orig, vec3 dir) {
  vec3 oc = v_sub(orig, s->center);
  double b = v_dot(oc, dir);
  double c = v_dot(oc, oc) - s->radius * s->radius;
  double disc = b * b - c;
  if (disc < 0.0) return -1.0;
  double sq = __builtin_sqrt(disc);
  double t = -b - sq;
  if (t > 1e-6) return t;
  t = -b + sq;
  if (t > 1e-6) return t;
  return -1.0;
}

static int closest_hit(int ns, vec3 orig, vec3 dir, double *t_out) {
  int best = -1;
  double best_t = 1e30;
  for (int i = 0; i < ns; i++) {
    double t = hit_sphere(&spheres[i], orig, dir);
    if (t > 0.0 && t < best_t) {
      best_t = t;
      best = i;
    }
  }
  *t_out = best_t;
  return best;
}

static vec3 sky(vec3 dir) {
  double t = 0.5 * (dir.y + 1.0);
  return v_add(v_scale(v3(1.0, 1.0, 1.0), 1.0 - t), v_scale(v3(0.5, 0.7, 1.0), t));
}

static vec3 trace(int ns, vec3 orig, vec3 dir, int depth) {
  double t;
  int hit = closest_hit(ns, orig, dir, &t);
  if (hit < 0) return sky(dir);
  const sphere *s = &spheres[hit];
  vec3 p = v_add(orig, v_scale(dir, t));
  vec3 n = v_norm(v_sub(p, s->center));
  vec3 light = v_norm(v3(-1.0, 1.0, -0.5));
  double diffuse = v_dot(n, light);
  if (diffuse < 0.0) diffuse = 0.0;
  double shadow_t;
  if (diffuse > 0.0 && closest_hit(ns, v_add(p, v_scale(n, 1e-4)), light, &shadow_t) >= 0) diffuse *= 0.2;
  vec3 col = v_scale(s->color, 0.1 + 0.9 * diffuse);
  if (depth < MAX_DEPTH && s->reflectivity > 0.0) {
    vec3 r = v_norm(v_reflect(dir, n));
    vec3 rc = trace(ns, v_add(p, v_scale(n, 1e-4)), r, depth + 1);
    col = v_add(v_scale(col, 1.0 - s->reflectivity), v_mul(rc, v3(s->reflectivity, s->reflectivity, s->reflectivity)));
  }
  return col;
}

static void load_scene(int ns) {
  for (int i = 0; i < ns; i++) {
    const double *r = &scene[i * 8];
    spheres[i].center = v3(-4.0 + 8.0 * r[0], -3.0 + 6.0 * r[1], 5.0 + 8.0 * r[2]);
    spheres[i].radius = 0.4 + 1.2 * r[3];
    spheres[i].color = v3(r[4], r[5], r[6]);
    spheres[i].reflectivity = r[7] < 0.5 ? 0.0 : r[7] - 0.5;
  }
}

void render(int w, int h, int ns) {
  load_scene(ns);
  vec3 eye = v3(0.0, 0.0, 0.0);
  double aspect = (double)w / (double)h;
  for (int y = 0; y < h; y++) {
    for (int x = 0; x < w; x++) {
      double u = (2.0 * (x + 0.5) / w - 1.0) * aspect;
      double v = 1.0 - 2.0 * (y + 0.5) / h;
      vec3 dir = v_norm(v3(u, v, 1.5));
      vec3 c = trace(ns, eye, dir, 0);
      double *px = &image[(y * w + x) * 3];
      px[0] = clamp01(c.x);
      px[1] = clamp01(c.y);
      px[2] = clamp01(c.z);
    }
  }
}
