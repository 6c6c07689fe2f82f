/* Floyd-Warshall all-pairs shortest paths on a dense weighted digraph.
 * Input weights above 700 mean "no edge". Returns a checksum of the finite distances. */
#define MAXV 256
#define INF 0x3fffffff

int dist[MAXV * MAXV];

int floyd_warshall(int n) {
  for (int i = 0; i < n; i++)
    for (int j = 0; j < n; j++) {
      int w = dist[i * n + j];
      if (i == j) dist[i * n + j] = 0;
      else if (w > 700) dist[i * n + j] = INF;
    }

  for (int k = 0; k < n; k++)
    for (int i = 0; i < n; i++) {
      int dik = dist[i * n + k];
      if (dik == INF) continue;
      for (int j = 0; j < n; j++) {
        int through = dik + dist[k * n + j];
        if (through < dist[i * n + j]) dist[i * n + j] = through;
      }
    }

  unsigned checksum = 0;
  for (int i = 0; i < n * n; i++)
    if (dist[i] != INF) checksum = checksum * 31u + (unsigned)dist[i];
  return (int)checksum;
}
