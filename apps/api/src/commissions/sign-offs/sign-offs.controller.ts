import { Body, Controller, Headers, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { DeclareConflictUpdate, SignOffUpdate, type Actor } from '@app/contracts';
import { CurrentActor } from '../../auth/auth.decorators';
import { CommandEndpoint } from '../command-endpoint.decorator';
import { present } from '../commission-presenter';
import { CommissionsService } from '../commissions.service';
import { ConflictDto, SignOffDto } from '../dto/commands.dto';

/** The panel's part: sign-off decisions and conflicts of interest, each member as themselves. */
@ApiTags('sign-off')
@ApiBearerAuth()
@Controller('commissions/:id')
export class SignOffsController {
  constructor(private readonly commissions: CommissionsService) {}

  @CommandEndpoint('sign-offs', 'Approve or request changes to the version under review', ['panel'])
  async signOff(
    @CurrentActor() actor: Actor,
    @Param('id') id: string,
    @Body() dto: SignOffDto,
    @Headers('idempotency-key') key?: string,
  ) {
    const cmd = {
      actor,
      decision: dto.decision,
      specificationVersion: dto.specificationVersion,
      comment: dto.comment ?? '',
    };
    return present(await this.commissions.command(id, SignOffUpdate, cmd, key), actor);
  }

  @CommandEndpoint('conflicts', 'Declare a conflict of interest with a supplier', ['panel'], 201)
  async declareConflict(
    @CurrentActor() actor: Actor,
    @Param('id') id: string,
    @Body() dto: ConflictDto,
    @Headers('idempotency-key') key?: string,
  ) {
    const cmd = { actor, supplier: dto.supplier, reason: dto.reason };
    return present(await this.commissions.command(id, DeclareConflictUpdate, cmd, key), actor);
  }
}
