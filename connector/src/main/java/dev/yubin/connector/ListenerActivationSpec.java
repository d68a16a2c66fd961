package dev.yubin.connector;

import jakarta.resource.spi.ActivationSpec;
import jakarta.resource.spi.ResourceAdapter;
import java.io.Serializable;

/**
 * What every listener's activation spec shares. Listener settings (address, port, limits) belong to
 * the adapter, so a spec only says which protocol an MDB serves.
 */
public abstract class ListenerActivationSpec implements ActivationSpec, Serializable {

  private static final long serialVersionUID = 1L;

  private transient ResourceAdapter resourceAdapter;

  @Override
  public void validate() {
    // Nothing to validate: see the class comment.
  }

  @Override
  public ResourceAdapter getResourceAdapter() {
    return resourceAdapter;
  }

  @Override
  public void setResourceAdapter(ResourceAdapter resourceAdapter) {
    this.resourceAdapter = resourceAdapter;
  }
}
